package dev.shimbun.media;

import net.coobird.thumbnailator.util.exif.Orientation;

import static dev.shimbun.media.MediaRejectedException.broken;

/**
 * The structure of a JPEG file: marker segments up to the end of the image, with the
 * entropy-coded data of each scan skipped. One frame only (no hierarchical JPEG), its
 * size and the number of scans (each a pass over the whole image) are checked against the
 * budget. The EXIF orientation is read from the first {@code APP1} segment, so that the
 * decoder's metadata is never needed.
 */
final class JpegStructure {

	private final ImageBytes bytes;

	private final DecodeBudget budget;

	JpegStructure(ImageBytes bytes, DecodeBudget budget) {
		this.bytes = bytes;
		this.budget = budget;
	}

	ImageStructure.Facts read() {
		int position = 2;
		int width = 0;
		int height = 0;
		int scans = 0;
		Orientation orientation = null;
		boolean sawExif = false;
		while (true) {
			if (this.bytes.u8(position) != 0xFF) {
				throw broken();
			}
			while (this.bytes.u8(position) == 0xFF) {
				position++;
			}
			int marker = this.bytes.u8(position++);
			if (marker == 0xD9) {
				break;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				continue;
			}
			if (marker == 0xD8 || marker == 0x00) {
				throw broken();
			}
			int length = this.bytes.u16(position);
			if (length < 2 || position + length > this.bytes.length()) {
				throw broken();
			}
			int data = position + 2;
			if (isStartOfFrame(marker)) {
				if (width != 0 || length < 8) {
					// one frame only (no hierarchical JPEG)
					throw broken();
				}
				height = this.bytes.u16(data + 1);
				width = this.bytes.u16(data + 3);
				if (width == 0 || height == 0) {
					throw broken();
				}
				this.budget.checkPixels(width, height);
				this.budget.addFrame(width, height, 4);
			}
			else if (marker == 0xE1 && !sawExif && length > 8 && this.bytes.ascii(data, 4).equals("Exif")
					&& this.bytes.u8(data + 4) == 0) {
				sawExif = true;
				orientation = ExifOrientation.read(this.bytes, data + 6, length - 8);
			}
			position += length;
			if (marker == 0xDA) {
				if (width == 0) {
					throw broken();
				}
				this.budget.checkScans(++scans);
				position = afterEntropyCodedData(position);
			}
		}
		if (width == 0 || scans == 0) {
			throw broken();
		}
		return new ImageStructure.Facts(width, height, 1, false, orientation, this.bytes.array());
	}

	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
	}

	/**
	 * The position of the next marker after a scan's data (stuffed bytes and restarts).
	 */
	private int afterEntropyCodedData(int position) {
		int index = position;
		while (true) {
			if (this.bytes.u8(index) == 0xFF) {
				int next = this.bytes.u8(index + 1);
				if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
					return index;
				}
				index += (next == 0xFF) ? 1 : 2;
			}
			else {
				index++;
			}
		}
	}

}
