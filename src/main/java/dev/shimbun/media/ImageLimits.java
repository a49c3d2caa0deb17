package dev.shimbun.media;

import org.springframework.util.unit.DataSize;

/**
 * How much decoding one uploaded file may cost, checked on the file's structure before
 * anything is decoded.
 *
 * @param maxPixels the most pixels of the image, of its canvas and of each of its frames
 * @param maxDecodedBytes the most bytes all of a file's frames take decoded (4 bytes a
 * pixel, 8 for 16-bit PNG), which also bounds the work of an animation's frames
 * @param maxMetadataBytes the most bytes the compressed metadata of a PNG (text chunks,
 * colour profile) may inflate to, all chunks together
 * @param maxFrames the most frames of an animation
 * @param maxJpegScans the most scans of a (progressive) JPEG; each scan costs a pass over
 * the whole image
 */
record ImageLimits(long maxPixels, long maxDecodedBytes, long maxMetadataBytes, int maxFrames, int maxJpegScans) {

	/** 50 million pixels, 256 MB decoded, 2 MB of metadata, 1000 frames, 100 scans. */
	static final ImageLimits DEFAULT = new ImageLimits(50_000_000L, DataSize.ofMegabytes(256).toBytes(),
			DataSize.ofMegabytes(2).toBytes(), 1000, 100);

	/** The pixel limit in units of 10 000 (万画素), for the message. */
	long maxPixelsInTenThousands() {
		return this.maxPixels / 10_000;
	}

	/** The decoded size limit in megabytes, for the message. */
	long maxDecodedMegabytes() {
		return this.maxDecodedBytes / (1024 * 1024);
	}

}
