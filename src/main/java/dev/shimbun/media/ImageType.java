package dev.shimbun.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats accepted for upload, recognised by their first bytes ("magic
 * numbers"), never by the file name or the type the browser claims.
 */
enum ImageType {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png"), GIF("image/gif", "gif"), WEBP("image/webp", "webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String contentType;

	private final String formatName;

	ImageType(String contentType, String formatName) {
		this.contentType = contentType;
		this.formatName = formatName;
	}

	/** The MIME type the file is served with. */
	String contentType() {
		return this.contentType;
	}

	/** The ImageIO format name that reads or writes it. */
	String formatName() {
		return this.formatName;
	}

	/**
	 * The format of a file by its content: JPEG {@code FF D8 FF}, PNG
	 * {@code 89 50 4E 47 0D 0A 1A 0A}, GIF {@code GIF87a}/{@code GIF89a}, WebP
	 * {@code RIFF....WEBP}.
	 */
	static Optional<ImageType> detect(byte[] content) {
		if (startsWith(content, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, 0, ascii("GIF87a")) || startsWith(content, 0, ascii("GIF89a"))) {
			return Optional.of(GIF);
		}
		if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	static ImageType ofContentType(String contentType) {
		return Arrays.stream(values())
			.filter((type) -> type.contentType.equals(contentType))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not an image type: " + contentType));
	}

	private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
		if (content.length < offset + prefix.length) {
			return false;
		}
		return Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
