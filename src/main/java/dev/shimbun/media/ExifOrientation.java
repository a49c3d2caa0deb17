package dev.shimbun.media;

import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Reads the orientation tag (0x0112) from the first image file directory of an EXIF block
 * (a TIFF structure in either byte order), without an EXIF library.
 */
final class ExifOrientation {

	private ExifOrientation() {
	}

	/**
	 * The orientation of the EXIF block at that position and of that length, or
	 * {@code null} when it has none or cannot be read (the image is then shown as
	 * stored).
	 */
	static Orientation read(ImageBytes bytes, int tiff, int length) {
		try {
			boolean little;
			String order = bytes.ascii(tiff, 2);
			if (order.equals("II")) {
				little = true;
			}
			else if (order.equals("MM")) {
				little = false;
			}
			else {
				return null;
			}
			long directory = int32(bytes, tiff + 4, little);
			if (directory < 8 || directory + 2 > length) {
				return null;
			}
			int entries = int16(bytes, tiff + (int) directory, little);
			for (int entry = 0; entry < entries; entry++) {
				int at = tiff + (int) directory + 2 + entry * 12;
				if (at + 12 > tiff + length) {
					return null;
				}
				if (int16(bytes, at, little) == 0x0112 && int16(bytes, at + 2, little) == 3) {
					int value = int16(bytes, at + 8, little);
					return (value >= 1 && value <= 8) ? Orientation.typeOf(value) : null;
				}
			}
			return null;
		}
		catch (IndexOutOfBoundsException ex) {
			return null;
		}
	}

	private static int int16(ImageBytes bytes, int at, boolean little) {
		return little ? bytes.u16le(at) : bytes.u16(at);
	}

	private static long int32(ImageBytes bytes, int at, boolean little) {
		return little ? bytes.u32le(at) : bytes.u32(at);
	}

}
