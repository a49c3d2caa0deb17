package dev.shimbun.media;

/**
 * What decoding one file will cost, added up while its structure is read and checked
 * against the {@link ImageLimits}: the pixels of the image, its canvas and each frame,
 * the number of frames, the bytes all frames take decoded, and the inflated size of
 * metadata.
 */
final class DecodeBudget {

	private final ImageLimits limits;

	private long decodedBytes;

	private int frames;

	DecodeBudget(ImageLimits limits) {
		this.limits = limits;
	}

	/** The frames counted so far. */
	int frames() {
		return this.frames;
	}

	/**
	 * Refuses an image, canvas or frame of more pixels than the limit.
	 * @throws MediaRejectedException {@code media.error.tooManyPixels}
	 */
	void checkPixels(long width, long height) {
		if (width * height > this.limits.maxPixels()) {
			throw new MediaRejectedException("media.error.tooManyPixels", width, height,
					this.limits.maxPixelsInTenThousands());
		}
	}

	/**
	 * Refuses an animation of more frames than the limit.
	 * @throws MediaRejectedException {@code media.error.tooMuchData}
	 */
	void checkFrames(long count) {
		if (count > this.limits.maxFrames()) {
			throw tooMuchData();
		}
	}

	/**
	 * Refuses a JPEG of more scans than the limit.
	 * @throws MediaRejectedException {@code media.error.tooMuchData}
	 */
	void checkScans(int scans) {
		if (scans > this.limits.maxJpegScans()) {
			throw tooMuchData();
		}
	}

	/**
	 * Counts a frame that will be (or could be) decoded against the whole file's bound.
	 * @throws MediaRejectedException {@code media.error.tooMuchData} when all frames
	 * counted so far take more bytes decoded than the limit
	 */
	void addFrame(long width, long height, int bytesPerPixel) {
		this.frames++;
		this.decodedBytes += width * height * bytesPerPixel;
		if (this.decodedBytes > this.limits.maxDecodedBytes()) {
			throw tooMuchData();
		}
	}

	/**
	 * Refuses metadata that inflates to more bytes than the limit, all of a file's
	 * metadata together.
	 * @throws MediaRejectedException {@code media.error.metadata}
	 */
	void checkMetadata(long inflatedBytes) {
		if (inflatedBytes > this.limits.maxMetadataBytes()) {
			throw new MediaRejectedException("media.error.metadata", this.limits.maxMetadataBytes() / (1024 * 1024));
		}
	}

	private MediaRejectedException tooMuchData() {
		return new MediaRejectedException("media.error.tooMuchData", this.limits.maxDecodedMegabytes(),
				this.limits.maxFrames());
	}

}
