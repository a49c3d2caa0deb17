package dev.shimbun.media;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of an uploaded file, read as image formats store their numbers: unsigned
 * big-endian ({@code u16}, {@code u32}) as PNG and JPEG do, little-endian ({@code u16le},
 * {@code u24le}, {@code u32le}) as GIF and WebP do, and ASCII tags. Reading past the end
 * throws an {@link IndexOutOfBoundsException}, which {@link ImageStructure} turns into a
 * broken file.
 */
final class ImageBytes {

	private final byte[] content;

	ImageBytes(byte[] content) {
		this.content = content;
	}

	/** The file's bytes themselves, not a copy. */
	byte[] array() {
		return this.content;
	}

	int length() {
		return this.content.length;
	}

	int u8(int at) {
		return this.content[at] & 0xFF;
	}

	int u16(int at) {
		return (u8(at) << 8) | u8(at + 1);
	}

	long u32(int at) {
		return ((long) u16(at) << 16) | u16(at + 2);
	}

	int u16le(int at) {
		return u8(at) | (u8(at + 1) << 8);
	}

	int u24le(int at) {
		return u16le(at) | (u8(at + 2) << 16);
	}

	long u32le(int at) {
		return u16le(at) | ((long) u16le(at + 2) << 16);
	}

	String ascii(int at, int length) {
		if (at + length > this.content.length) {
			throw new IndexOutOfBoundsException(at + length);
		}
		return new String(this.content, at, length, StandardCharsets.ISO_8859_1);
	}

}
