package dev.shimbun.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Reads the structure of an uploaded image (chunks, segments, blocks) before any decoder
 * sees it, and refuses what would make decoding unbounded: an image, canvas or frame over
 * the pixel limit, frames that together decode to too many bytes, too many frames or JPEG
 * scans, and PNG metadata that inflates to more than a small bound. Only declared sizes
 * and lengths are read here, never pixels, so this costs at most one pass over the file
 * (and the bounded inflation of PNG metadata).
 * <p>
 * For PNG it also gives the decoder a copy without the ancillary chunks it does not need
 * (text, colour profile, animation), so that no metadata is parsed while decoding; the
 * file stored is the original. For JPEG it reads the EXIF orientation from the first
 * {@code APP1} segment itself, so that the decoder's metadata is never needed.
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

	/** PNG ancillary chunks the decoder needs: transparency. */
	private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final ImageLimits limits;

	private final byte[] content;

	private long decodedBytes;

	private int frames;

	private ImageStructure(ImageLimits limits, byte[] content) {
		this.limits = limits;
		this.content = content;
	}

	/**
	 * Checks the structure of a file of that type.
	 * @throws MediaRejectedException {@code media.error.broken} for a malformed or
	 * cut-off file, {@code media.error.tooManyPixels}, {@code media.error.tooMuchData} or
	 * {@code media.error.metadata} for one that would cost too much to decode
	 */
	static Facts inspect(ImageType type, byte[] content, ImageLimits limits) {
		ImageStructure structure = new ImageStructure(limits, content);
		try {
			return switch (type) {
				case PNG -> structure.png();
				case JPEG -> structure.jpeg();
				case GIF -> structure.gif();
				case WEBP -> structure.webp();
			};
		}
		catch (IndexOutOfBoundsException ex) {
			// a length or offset that points past the end of the file
			throw broken();
		}
	}

	// ---- PNG: chunks (length, type, data, CRC) after the signature -------------------

	private Facts png() {
		int position = PNG_SIGNATURE.length;
		ByteArrayOutputStream decodable = new ByteArrayOutputStream(this.content.length);
		decodable.write(PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
		int width = 0;
		int height = 0;
		int bytesPerPixel = 4;
		boolean sawData = false;
		boolean animated = false;
		long metadata = 0;
		int animationFrames = 0;
		while (true) {
			long length = u32(position);
			String chunk = ascii(position + 4, 4);
			int data = position + 8;
			if (length > Integer.MAX_VALUE || data + length + 4 > this.content.length) {
				throw broken();
			}
			int size = (int) length;
			if (!chunk.chars().allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
				throw broken();
			}
			if (position == PNG_SIGNATURE.length) {
				if (!chunk.equals("IHDR") || size != 13) {
					throw broken();
				}
				width = positive(u32(data));
				height = positive(u32(data + 4));
				int bitDepth = u8(data + 8);
				int colourType = u8(data + 9);
				if (!validPngDepth(colourType, bitDepth)) {
					throw broken();
				}
				bytesPerPixel = (bitDepth == 16) ? 8 : 4;
				checkPixels(width, height);
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
					animated = u32(data) > 1;
					if (u32(data) > this.limits.maxFrames()) {
						throw tooMuchData();
					}
				}
				case "fcTL" -> {
					long frameWidth = positive(u32(data + 4));
					long frameHeight = positive(u32(data + 8));
					if (u32(data + 12) + frameWidth > width || u32(data + 16) + frameHeight > height) {
						throw broken();
					}
					if (++animationFrames > this.limits.maxFrames()) {
						throw tooMuchData();
					}
					addFrame(frameWidth, frameHeight, 4);
				}
				default -> {
					// an unknown critical chunk (upper case first letter) cannot be
					// skipped
					if (Character.isUpperCase(chunk.charAt(0)) && !PNG_KEPT.contains(chunk)) {
						throw broken();
					}
				}
			}
			if (PNG_KEPT.contains(chunk)) {
				decodable.write(this.content, position, size + 12);
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
		addFrame(width, height, bytesPerPixel);
		return new Facts(width, height, Math.max(1, animationFrames), animated, null, decodable.toByteArray());
	}

	private static boolean validPngDepth(int colourType, int bitDepth) {
		return switch (colourType) {
			case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
			case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
			case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
			default -> false;
		};
	}

	/** The length of a chunk's keyword (before its NUL byte). */
	private int nameLength(int data, int size) {
		for (int index = 0; index < Math.min(size, 80); index++) {
			if (this.content[data + index] == 0) {
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
		if (this.content[flag] == 0) {
			return size;
		}
		int end = data + size;
		int position = flag + 2;
		for (int nul = 0; nul < 2; nul++) {
			while (position < end && this.content[position] != 0) {
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
			inflater.setInput(this.content, offset, length);
			byte[] scratch = new byte[8192];
			long total = 0;
			while (!inflater.finished()) {
				int inflated = inflater.inflate(scratch);
				total += inflated;
				if (sofar + total > this.limits.maxMetadataBytes()) {
					throw new MediaRejectedException("media.error.metadata",
							this.limits.maxMetadataBytes() / (1024 * 1024));
				}
				if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw broken();
				}
			}
			return total;
		}
		catch (DataFormatException ex) {
			throw broken();
		}
		finally {
			inflater.end();
		}
	}

	// ---- JPEG: marker segments up to the end of image ---------------------------------

	private Facts jpeg() {
		int position = 2;
		int width = 0;
		int height = 0;
		int scans = 0;
		Orientation orientation = null;
		boolean sawExif = false;
		while (true) {
			if (u8(position) != 0xFF) {
				throw broken();
			}
			while (u8(position) == 0xFF) {
				position++;
			}
			int marker = u8(position++);
			if (marker == 0xD9) {
				break;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				continue;
			}
			if (marker == 0xD8 || marker == 0x00) {
				throw broken();
			}
			int length = u16(position);
			if (length < 2 || position + length > this.content.length) {
				throw broken();
			}
			int data = position + 2;
			if (isStartOfFrame(marker)) {
				if (width != 0 || length < 8) {
					// one frame only (no hierarchical JPEG)
					throw broken();
				}
				height = u16(data + 1);
				width = u16(data + 3);
				if (width == 0 || height == 0) {
					throw broken();
				}
				checkPixels(width, height);
				addFrame(width, height, 4);
			}
			else if (marker == 0xE1 && !sawExif && length > 8 && ascii(data, 4).equals("Exif") && u8(data + 4) == 0) {
				sawExif = true;
				orientation = exifOrientation(data + 6, length - 8);
			}
			position += length;
			if (marker == 0xDA) {
				if (width == 0) {
					throw broken();
				}
				if (++scans > this.limits.maxJpegScans()) {
					throw tooMuchData();
				}
				position = afterEntropyCodedData(position);
			}
		}
		if (width == 0 || scans == 0) {
			throw broken();
		}
		return new Facts(width, height, 1, false, orientation, this.content);
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
			if (u8(index) == 0xFF) {
				int next = u8(index + 1);
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

	/**
	 * The orientation tag (0x0112) of the first image file directory of an EXIF block; a
	 * block that cannot be read gives none (the image is shown as stored).
	 */
	private Orientation exifOrientation(int tiff, int length) {
		try {
			boolean little;
			String order = ascii(tiff, 2);
			if (order.equals("II")) {
				little = true;
			}
			else if (order.equals("MM")) {
				little = false;
			}
			else {
				return null;
			}
			long directory = exifInt(tiff + 4, little);
			if (directory < 8 || directory + 2 > length) {
				return null;
			}
			int entries = exifShort(tiff + (int) directory, little);
			for (int entry = 0; entry < entries; entry++) {
				int at = tiff + (int) directory + 2 + entry * 12;
				if (at + 12 > tiff + length) {
					return null;
				}
				if (exifShort(at, little) == 0x0112 && exifShort(at + 2, little) == 3) {
					int value = exifShort(at + 8, little);
					return (value >= 1 && value <= 8) ? Orientation.typeOf(value) : null;
				}
			}
			return null;
		}
		catch (IndexOutOfBoundsException ex) {
			return null;
		}
	}

	private int exifShort(int at, boolean little) {
		return little ? (u8(at) | (u8(at + 1) << 8)) : u16(at);
	}

	private long exifInt(int at, boolean little) {
		return little ? (exifShort(at, true) | ((long) exifShort(at + 2, true) << 16)) : u32(at);
	}

	// ---- GIF: logical screen, then extensions and image descriptors up to the trailer
	// --

	private Facts gif() {
		int screenWidth = u16le(6);
		int screenHeight = u16le(8);
		if (screenWidth == 0 || screenHeight == 0) {
			throw broken();
		}
		checkPixels(screenWidth, screenHeight);
		int flags = u8(10);
		int position = 13;
		if ((flags & 0x80) != 0) {
			position += 3 * (1 << ((flags & 0x07) + 1));
		}
		while (true) {
			int block = u8(position++);
			if (block == 0x3B) {
				break;
			}
			if (block == 0x21) {
				position = afterSubBlocks(position + 1);
			}
			else if (block == 0x2C) {
				int frameWidth = u16le(position + 4);
				int frameHeight = u16le(position + 6);
				int frameFlags = u8(position + 8);
				if (frameWidth == 0 || frameHeight == 0) {
					throw broken();
				}
				checkPixels(frameWidth, frameHeight);
				if (this.frames >= this.limits.maxFrames()) {
					throw tooMuchData();
				}
				addFrame(frameWidth, frameHeight, 4);
				position += 9;
				if ((frameFlags & 0x80) != 0) {
					position += 3 * (1 << ((frameFlags & 0x07) + 1));
				}
				int codeSize = u8(position++);
				if (codeSize < 1 || codeSize > 11) {
					throw broken();
				}
				position = afterSubBlocks(position);
			}
			else {
				throw broken();
			}
		}
		if (this.frames == 0) {
			throw broken();
		}
		return new Facts(screenWidth, screenHeight, this.frames, this.frames > 1, null, this.content);
	}

	private int afterSubBlocks(int position) {
		int index = position;
		while (true) {
			int size = u8(index++);
			if (size == 0) {
				return index;
			}
			index += size;
			if (index > this.content.length) {
				throw broken();
			}
		}
	}

	// ---- WebP: RIFF chunks; VP8 / VP8L bitstreams, or VP8X with its frames
	// -------------

	private Facts webp() {
		long riffSize = u32le(4);
		if (riffSize < 4 || 8 + riffSize > this.content.length) {
			throw broken();
		}
		int end = (int) (8 + riffSize);
		int position = 12;
		String first = ascii(position, 4);
		if (!first.equals("VP8X")) {
			int[] size = bitstreamSize(position, end);
			checkPixels(size[0], size[1]);
			addFrame(size[0], size[1], 4);
			return new Facts(size[0], size[1], 1, false, null, this.content);
		}
		int flags = u8(position + 8);
		int canvasWidth = u24le(position + 12) + 1;
		int canvasHeight = u24le(position + 15) + 1;
		checkPixels(canvasWidth, canvasHeight);
		boolean animation = (flags & 0x02) != 0;
		boolean sawImage = false;
		position = next(position, end);
		while (position < end) {
			String chunk = ascii(position, 4);
			if (chunk.equals("ANMF")) {
				int data = position + 8;
				int x = u24le(data) * 2;
				int y = u24le(data + 3) * 2;
				int frameWidth = u24le(data + 6) + 1;
				int frameHeight = u24le(data + 9) + 1;
				if ((long) x + frameWidth > canvasWidth || (long) y + frameHeight > canvasHeight) {
					throw broken();
				}
				checkPixels(frameWidth, frameHeight);
				if (this.frames >= this.limits.maxFrames()) {
					throw tooMuchData();
				}
				addFrame(frameWidth, frameHeight, 4);
				long frameEnd = data + u32le(position + 4);
				if (frameEnd > end) {
					throw broken();
				}
				int inner = data + 16;
				boolean frameImage = false;
				while (inner < frameEnd) {
					String frameChunk = ascii(inner, 4);
					if (frameChunk.equals("VP8 ") || frameChunk.equals("VP8L")) {
						int[] size = bitstreamSize(inner, (int) frameEnd);
						if (size[0] != frameWidth || size[1] != frameHeight) {
							throw broken();
						}
						frameImage = true;
					}
					inner = next(inner, (int) frameEnd);
				}
				if (!frameImage) {
					throw broken();
				}
				sawImage = true;
			}
			else if (chunk.equals("VP8 ") || chunk.equals("VP8L")) {
				int[] size = bitstreamSize(position, end);
				if (animation || sawImage || size[0] != canvasWidth || size[1] != canvasHeight) {
					throw broken();
				}
				addFrame(canvasWidth, canvasHeight, 4);
				sawImage = true;
			}
			position = next(position, end);
		}
		if (!sawImage) {
			throw broken();
		}
		return new Facts(canvasWidth, canvasHeight, Math.max(1, this.frames), this.frames > 1, null, this.content);
	}

	/** The position after a RIFF chunk (its data is padded to an even length). */
	private int next(int position, int end) {
		long size = u32le(position + 4);
		long after = position + 8 + size + (size & 1);
		if (position + 8 + size > end) {
			throw broken();
		}
		return (int) Math.min(after, end);
	}

	/** Width and height from a VP8 (lossy key frame) or VP8L (lossless) header. */
	private int[] bitstreamSize(int position, int end) {
		String chunk = ascii(position, 4);
		int data = position + 8;
		if (position + 8 + u32le(position + 4) > end) {
			throw broken();
		}
		if (chunk.equals("VP8 ")) {
			// a key frame (bit 0 of the frame tag is 0), its start code, 14-bit sizes
			if ((u8(data) & 1) != 0 || u8(data + 3) != 0x9D || u8(data + 4) != 0x01 || u8(data + 5) != 0x2A) {
				throw broken();
			}
			int width = u16le(data + 6) & 0x3FFF;
			int height = u16le(data + 8) & 0x3FFF;
			if (width == 0 || height == 0) {
				throw broken();
			}
			return new int[] { width, height };
		}
		if (chunk.equals("VP8L")) {
			if (u8(data) != 0x2F) {
				throw broken();
			}
			long bits = u32le(data + 1);
			return new int[] { (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1 };
		}
		throw broken();
	}

	// ---- limits
	// ------------------------------------------------------------------------

	private void checkPixels(long width, long height) {
		if (width * height > this.limits.maxPixels()) {
			throw new MediaRejectedException("media.error.tooManyPixels", width, height,
					this.limits.maxPixelsInTenThousands());
		}
	}

	/**
	 * Counts a frame that will be (or could be) decoded against the whole file's bound.
	 */
	private void addFrame(long width, long height, int bytesPerPixel) {
		this.frames++;
		this.decodedBytes += width * height * bytesPerPixel;
		if (this.decodedBytes > this.limits.maxDecodedBytes()) {
			throw tooMuchData();
		}
	}

	private MediaRejectedException tooMuchData() {
		return new MediaRejectedException("media.error.tooMuchData", this.limits.maxDecodedMegabytes(),
				this.limits.maxFrames());
	}

	private static MediaRejectedException broken() {
		return new MediaRejectedException("media.error.broken");
	}

	private static int positive(long value) {
		if (value <= 0 || value > Integer.MAX_VALUE) {
			throw broken();
		}
		return (int) value;
	}

	// ---- bytes
	// -------------------------------------------------------------------------

	private int u8(int at) {
		return this.content[at] & 0xFF;
	}

	private int u16(int at) {
		return (u8(at) << 8) | u8(at + 1);
	}

	private long u32(int at) {
		return ((long) u16(at) << 16) | u16(at + 2);
	}

	private int u16le(int at) {
		return u8(at) | (u8(at + 1) << 8);
	}

	private int u24le(int at) {
		return u16le(at) | (u8(at + 2) << 16);
	}

	private long u32le(int at) {
		return u16le(at) | ((long) u16le(at + 2) << 16);
	}

	private String ascii(int at, int length) {
		if (at + length > this.content.length) {
			throw new IndexOutOfBoundsException(at + length);
		}
		return new String(this.content, at, length, StandardCharsets.ISO_8859_1);
	}

}
