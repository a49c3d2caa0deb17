package dev.shimbun.media;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static dev.shimbun.media.MediaRejectedException.broken;

/**
 * The structure of a PNG file: chunks (length, type, data, CRC) after the signature, the
 * header first and the end last. The header's size and depth, the frames of an animation
 * (APNG) and the inflated size of compressed metadata ({@code zTXt}, {@code iCCP},
 * {@code iTXt}) are checked against the budget. The decoder gets a copy with only the
 * chunks it needs (header, palette, transparency, data, end), so that it parses no
 * metadata.
 */
final class PngStructure {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** The chunks the decoder needs; of the ancillary ones, only transparency. */
	private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");

	private final ImageBytes bytes;

	private final DecodeBudget budget;

	PngStructure(ImageBytes bytes, DecodeBudget budget) {
		this.bytes = bytes;
		this.budget = budget;
	}

	ImageStructure.Facts read() {
		int position = SIGNATURE.length;
		ByteArrayOutputStream decodable = new ByteArrayOutputStream(this.bytes.length());
		decodable.write(SIGNATURE, 0, SIGNATURE.length);
		int width = 0;
		int height = 0;
		int bytesPerPixel = 4;
		boolean sawData = false;
		boolean animated = false;
		long metadata = 0;
		int animationFrames = 0;
		while (true) {
			long length = this.bytes.u32(position);
			String chunk = this.bytes.ascii(position + 4, 4);
			int data = position + 8;
			if (length > Integer.MAX_VALUE || data + length + 4 > this.bytes.length()) {
				throw broken();
			}
			int size = (int) length;
			if (!chunk.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
				throw broken();
			}
			if (position == SIGNATURE.length) {
				if (!chunk.equals("IHDR") || size != 13) {
					throw broken();
				}
				width = positive(this.bytes.u32(data));
				height = positive(this.bytes.u32(data + 4));
				int bitDepth = this.bytes.u8(data + 8);
				int colourType = this.bytes.u8(data + 9);
				if (!validDepth(colourType, bitDepth)) {
					throw broken();
				}
				bytesPerPixel = (bitDepth == 16) ? 8 : 4;
				this.budget.checkPixels(width, height);
			}
			else if (chunk.equals("IHDR")) {
				throw broken();
			}
			switch (chunk) {
				case "IDAT" -> sawData = true;
				case "zTXt", "iCCP" -> metadata += inflatedSize(data + nameLength(data, size) + 2,
						size - nameLength(data, size) - 2, metadata);
				case "iTXt" -> metadata += internationalTextSize(data, size, metadata);
				case "acTL" -> {
					animated = this.bytes.u32(data) > 1;
					this.budget.checkFrames(this.bytes.u32(data));
				}
				case "fcTL" -> {
					long frameWidth = positive(this.bytes.u32(data + 4));
					long frameHeight = positive(this.bytes.u32(data + 8));
					if (this.bytes.u32(data + 12) + frameWidth > width
							|| this.bytes.u32(data + 16) + frameHeight > height) {
						throw broken();
					}
					this.budget.checkFrames(++animationFrames);
					this.budget.addFrame(frameWidth, frameHeight, 4);
				}
				default -> {
					// an unknown critical chunk (upper case first letter) cannot be
					// skipped
					if (Character.isUpperCase(chunk.charAt(0)) && !KEPT.contains(chunk)) {
						throw broken();
					}
				}
			}
			if (KEPT.contains(chunk)) {
				decodable.write(this.bytes.array(), position, size + 12);
			}
			position = data + size + 4;
			if (chunk.equals("IEND")) {
				break;
			}
		}
		if (!sawData) {
			throw broken();
		}
		// the image itself (APNG: the default image, which may not be a frame)
		this.budget.addFrame(width, height, bytesPerPixel);
		return new ImageStructure.Facts(width, height, Math.max(1, animationFrames), animated, null,
				decodable.toByteArray());
	}

	private static boolean validDepth(int colourType, int bitDepth) {
		return switch (colourType) {
			case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
			case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
			case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
			default -> false;
		};
	}

	private static int positive(long value) {
		if (value <= 0 || value > Integer.MAX_VALUE) {
			throw broken();
		}
		return (int) value;
	}

	/** The length of a chunk's keyword (before its NUL byte). */
	private int nameLength(int data, int size) {
		for (int index = 0; index < Math.min(size, 80); index++) {
			if (this.bytes.u8(data + index) == 0) {
				return index;
			}
		}
		throw broken();
	}

	/** iTXt: keyword, NUL, compression flag and method, language, NUL, keyword, NUL. */
	private long internationalTextSize(int data, int size, long sofar) {
		int keyword = nameLength(data, size);
		int flag = data + keyword + 1;
		if (keyword + 3 > size) {
			throw broken();
		}
		if (this.bytes.u8(flag) == 0) {
			return size;
		}
		int end = data + size;
		int position = flag + 2;
		for (int nul = 0; nul < 2; nul++) {
			while (position < end && this.bytes.u8(position) != 0) {
				position++;
			}
			position++;
		}
		if (position > end) {
			throw broken();
		}
		return inflatedSize(position, end - position, sofar);
	}

	/**
	 * How many bytes a zlib stream inflates to, refusing when that and what came before
	 * exceed the metadata bound; the inflated bytes are thrown away as they come.
	 */
	private long inflatedSize(int offset, int length, long sofar) {
		if (length < 0) {
			throw broken();
		}
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(this.bytes.array(), offset, length);
			byte[] scratch = new byte[8192];
			long total = 0;
			while (!inflater.finished()) {
				int inflated = inflater.inflate(scratch);
				total += inflated;
				this.budget.checkMetadata(sofar + total);
				if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw broken();
				}
			}
			return total;
		}
		catch (DataFormatException ex) {
			// the uploader's answer, not a fault
			throw broken(); // NOPMD
		}
		finally {
			inflater.end();
		}
	}

}
