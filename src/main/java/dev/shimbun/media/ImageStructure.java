package dev.shimbun.media;

import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Reads the structure of an uploaded image (chunks, segments, blocks) before any decoder
 * sees it, and refuses what would make decoding unbounded: an image, canvas or frame over
 * the pixel limit, frames that together decode to too many bytes, too many frames or JPEG
 * scans, and PNG metadata that inflates to more than a small bound. Only declared sizes
 * and lengths are read, never pixels, so this costs at most one pass over the file (and
 * the bounded inflation of PNG metadata).
 * <p>
 * Each format has its reader ({@link PngStructure}, {@link JpegStructure},
 * {@link GifStructure}, {@link WebpStructure}), which adds up the cost in a
 * {@link DecodeBudget}. For PNG the decoder gets a copy without the ancillary chunks it
 * does not need (text, colour profile, animation), so that no metadata is parsed while
 * decoding; the file stored is the original. For JPEG the EXIF orientation is read from
 * the first {@code APP1} segment ({@link ExifOrientation}), so that the decoder's
 * metadata is never needed.
 */
final class ImageStructure {

	/** What decoding the file will involve. */
	record Facts(int width, int height, int frames, boolean animated, Orientation orientation, byte[] decodable) {

		/**
		 * Whether the EXIF orientation turns the image by 90° (width and height swap).
		 */
		boolean turned() {
			return this.orientation != null && this.orientation.ordinal() >= Orientation.LEFT_TOP.ordinal();
		}

	}

	private ImageStructure() {
	}

	/**
	 * Checks the structure of a file of that type.
	 * @throws MediaRejectedException {@code media.error.broken} for a malformed or
	 * cut-off file, {@code media.error.tooManyPixels}, {@code media.error.tooMuchData} or
	 * {@code media.error.metadata} for one that would cost too much to decode
	 */
	static Facts inspect(ImageType type, byte[] content, ImageLimits limits) {
		ImageBytes bytes = new ImageBytes(content);
		DecodeBudget budget = new DecodeBudget(limits);
		try {
			return switch (type) {
				case PNG -> new PngStructure(bytes, budget).read();
				case JPEG -> new JpegStructure(bytes, budget).read();
				case GIF -> new GifStructure(bytes, budget).read();
				case WEBP -> new WebpStructure(bytes, budget).read();
			};
		}
		catch (IndexOutOfBoundsException ex) {
			// a length or offset that points past the end of the file: the uploader's
			// answer, not a fault
			throw MediaRejectedException.broken(); // NOPMD
		}
	}

}
