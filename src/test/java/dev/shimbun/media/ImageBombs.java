package dev.shimbun.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small files that would take far more memory or time to decode than they are large:
 * compressed PNG metadata that inflates to a gigabyte, frames and canvases with huge
 * declared sizes, and the like. Each is made here, in a few milliseconds and at most
 * about a megabyte.
 */
final class ImageBombs {

	static final long GIGABYTE = 1L << 30;

	private ImageBombs() {
	}

	/** Every bomb by name, with the message key that refuses it. */
	static Map<String, Case> all() {
		Map<String, Case> all = new LinkedHashMap<>();
		all.put("png-zTXt-1GB", new Case(pngWithChunk("zTXt", zTxt(GIGABYTE)), "media.error.metadata"));
		all.put("png-iTXt-1GB", new Case(pngWithChunk("iTXt", iTxt(GIGABYTE)), "media.error.metadata"));
		all.put("png-iCCP-1GB", new Case(pngWithChunk("iCCP", iccp(GIGABYTE)), "media.error.metadata"));
		all.put("png-zTXt-after-IDAT", new Case(pngWithChunkBeforeEnd("zTXt", zTxt(GIGABYTE)), "media.error.metadata"));
		all.put("png-three-1MB-zTXt",
				new Case(pngWithChunks("zTXt", zTxt(1 << 20), zTxt(1 << 20), zTxt(1 << 20)), "media.error.metadata"));
		all.put("png-100000x100000", new Case(pngSized(100_000, 100_000), "media.error.tooManyPixels"));
		all.put("apng-huge-frames", new Case(apngFrames(7000, 7000, 20), "media.error.tooMuchData"));
		all.put("apng-million-frames", new Case(apngDeclaringFrames(1_000_000), "media.error.tooMuchData"));
		all.put("gif-second-frame-30000x30000-2-colours", new Case(
				gifWithSecondFrame(TestImages.gifTwoColours(100, 100), 30_000, 30_000), "media.error.tooManyPixels"));
		all.put("gif-second-frame-30000x30000",
				new Case(gifWithSecondFrame(TestImages.gif(100, 100), 30_000, 30_000), "media.error.tooManyPixels"));
		all.put("gif-screen-65535x65535",
				new Case(gifScreen(TestImages.gif(100, 100), 65_535, 65_535), "media.error.tooManyPixels"));
		all.put("gif-many-large-frames",
				new Case(gifWithFrames(TestImages.gifTwoColours(100, 100), 7000, 7000, 10), "media.error.tooMuchData"));
		all.put("webp-lossless-16384x16384", new Case(webpLossless(16_384, 16_384), "media.error.tooManyPixels"));
		all.put("webp-lossy-16383x16383", new Case(webpLossy(16_383, 16_383), "media.error.tooManyPixels"));
		all.put("webp-canvas-16Mx16M", new Case(webpExtendedCanvas(1 << 24, 1 << 24), "media.error.tooManyPixels"));
		all.put("webp-animation-large-frames", new Case(webpAnimation(7000, 7000, 10), "media.error.tooMuchData"));
		all.put("jpeg-65000x65000", new Case(jpegSized(65_000, 65_000), "media.error.tooManyPixels"));
		all.put("jpeg-1000-scans", new Case(jpegWithScans(1000), "media.error.tooMuchData"));
		return all;
	}

	/** A bomb and the message key of its refusal. */
	record Case(byte[] content, String messageKey) {

	}

	// ---- PNG -----------------------------------------------------------------------

	/**
	 * A zlib stream that inflates to that many zero bytes, made without deflating them
	 * all: once a megabyte of zeros is in the window, the compressed form of the next
	 * megabyte (back references only, ending on a byte boundary) is the same every time,
	 * so it is repeated. Its checksum is wrong, which only a reader that inflated all of
	 * it would notice.
	 */
	static byte[] zeros(long size) {
		int megabyte = 1 << 20;
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		byte[] input = new byte[megabyte];
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] first = deflate(deflater, input);
		out.writeBytes(first);
		byte[] repeated = deflate(deflater, input);
		for (long written = 2L * megabyte; written <= size; written += megabyte) {
			out.writeBytes(repeated);
		}
		out.writeBytes(repeated);
		deflater.finish();
		byte[] buffer = new byte[64];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	private static byte[] deflate(Deflater deflater, byte[] input) {
		deflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		int count;
		do {
			count = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
			out.write(buffer, 0, count);
		}
		while (count == buffer.length || !deflater.needsInput());
		return out.toByteArray();
	}

	static byte[] zTxt(long inflatedSize) {
		return concat(ascii("Comment\0\0"), zeros(inflatedSize));
	}

	static byte[] iTxt(long inflatedSize) {
		// keyword, NUL, compressed, method 0, language "ja", NUL, translated keyword, NUL
		return concat(ascii("XML:com.adobe.xmp\0\1\0ja\0\0"), zeros(inflatedSize));
	}

	static byte[] iccp(long inflatedSize) {
		return concat(ascii("ICC profile\0\0"), zeros(inflatedSize));
	}

	/** A real small PNG with a chunk right after its header. */
	static byte[] pngWithChunk(String type, byte[] data) {
		return pngWithChunks(type, data);
	}

	static byte[] pngWithChunks(String type, byte[]... datas) {
		byte[] png = TestImages.png(64, 48);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33);
		for (byte[] data : datas) {
			out.writeBytes(chunk(type, data));
		}
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	/** A real small PNG with a chunk after its image data, before IEND. */
	static byte[] pngWithChunkBeforeEnd(String type, byte[] data) {
		byte[] png = TestImages.png(64, 48);
		int end = png.length - 12;
		return concat(Arrays.copyOf(png, end), chunk(type, data), Arrays.copyOfRange(png, end, png.length));
	}

	/** A PNG header declaring that size, with a little image data. */
	static byte[] pngSized(int width, int height) {
		byte[] png = TestImages.png(64, 48);
		ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		fixCrc(png, 8, 13);
		return png;
	}

	/**
	 * An APNG of a small image whose frames declare that size (the canvas is as large).
	 */
	static byte[] apngFrames(int width, int height, int frames) {
		byte[] png = pngSized(width, height);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33);
		out.writeBytes(chunk("acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array()));
		for (int frame = 0; frame < frames; frame++) {
			out.writeBytes(chunk("fcTL", ByteBuffer.allocate(26).putInt(frame).putInt(width).putInt(height).array()));
		}
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	static byte[] apngDeclaringFrames(int frames) {
		return pngWithChunk("acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array());
	}

	static byte[] chunk(String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(ascii(type)).put(data);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + data.length);
		chunk.putInt((int) crc.getValue());
		return chunk.array();
	}

	private static void fixCrc(byte[] png, int chunkStart, int length) {
		CRC32 crc = new CRC32();
		crc.update(png, chunkStart + 4, 4 + length);
		ByteBuffer.wrap(png, chunkStart + 8 + length, 4).putInt((int) crc.getValue());
	}

	// ---- GIF -----------------------------------------------------------------------

	/** An image descriptor of that size with a tiny LZW stream (clear code, end). */
	private static byte[] gifFrame(int width, int height) {
		ByteBuffer frame = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
		frame.put((byte) 0x2C).putShort((short) 0).putShort((short) 0);
		frame.putShort((short) width).putShort((short) height).put((byte) 0);
		frame.put((byte) 2).put((byte) 1).put((byte) 0x2C).put((byte) 0);
		return frame.array();
	}

	static byte[] gifWithSecondFrame(byte[] gif, int width, int height) {
		return gifWithFrames(gif, width, height, 1);
	}

	/** A real GIF with frames of that size added before its trailer. */
	static byte[] gifWithFrames(byte[] gif, int width, int height, int frames) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(gif, 0, gif.length - 1);
		for (int frame = 0; frame < frames; frame++) {
			out.writeBytes(gifFrame(width, height));
		}
		out.write(0x3B);
		return out.toByteArray();
	}

	/** A real GIF whose logical screen is declared that large. */
	static byte[] gifScreen(byte[] gif, int width, int height) {
		byte[] copy = gif.clone();
		ByteBuffer.wrap(copy, 6, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) width).putShort((short) height);
		return copy;
	}

	// ---- WebP ----------------------------------------------------------------------

	static byte[] webpLossless(int width, int height) {
		return riff(vp8l(width, height));
	}

	static byte[] webpLossy(int width, int height) {
		return riff(vp8(width, height));
	}

	private static byte[] vp8l(int width, int height) {
		ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		data.put((byte) 0x2F).putInt((width - 1) | ((height - 1) << 14));
		return riffChunk("VP8L", data.array());
	}

	private static byte[] vp8(int width, int height) {
		ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		data.put(new byte[] { 0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A });
		data.putShort((short) width).putShort((short) height);
		return riffChunk("VP8 ", data.array());
	}

	static byte[] webpExtendedCanvas(int width, int height) {
		return riff(vp8x(width, height, false), vp8l(64, 64));
	}

	static byte[] webpAnimation(int width, int height, int frames) {
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		chunks.writeBytes(vp8x(width, height, true));
		chunks.writeBytes(riffChunk("ANIM", new byte[6]));
		for (int frame = 0; frame < frames; frame++) {
			ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
			header.put(new byte[6]).put(u24(width - 1)).put(u24(height - 1)).put(u24(100)).put((byte) 0);
			chunks.writeBytes(riffChunk("ANMF", concat(header.array(), vp8l(width, height))));
		}
		return riff(chunks.toByteArray());
	}

	private static byte[] vp8x(int width, int height, boolean animation) {
		ByteBuffer data = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
		data.put((byte) (animation ? 0x02 : 0)).put(new byte[3]).put(u24(width - 1)).put(u24(height - 1));
		return riffChunk("VP8X", data.array());
	}

	private static byte[] u24(int value) {
		return new byte[] { (byte) value, (byte) (value >> 8), (byte) (value >> 16) };
	}

	private static byte[] riffChunk(String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(ascii(type)).putInt(data.length).put(data);
		return chunk.array();
	}

	private static byte[] riff(byte[]... chunks) {
		byte[] body = concat(chunks);
		ByteBuffer riff = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
		riff.put(ascii("RIFF")).putInt(4 + body.length).put(ascii("WEBP")).put(body);
		return riff.array();
	}

	// ---- JPEG ----------------------------------------------------------------------

	/** A real JPEG whose frame header declares that size. */
	static byte[] jpegSized(int width, int height) {
		byte[] jpeg = TestImages.jpeg(64, 48);
		int sof = startOfFrame(jpeg);
		ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) height).putShort((short) width);
		return jpeg;
	}

	/** A real progressive JPEG whose last scan is repeated until it has that many. */
	static byte[] jpegWithScans(int scans) {
		byte[] jpeg = progressiveJpeg(64, 48);
		int lastScan = -1;
		int count = 0;
		for (int index = 2; index < jpeg.length - 1; index++) {
			if ((jpeg[index] & 0xFF) == 0xFF && (jpeg[index + 1] & 0xFF) == 0xDA) {
				lastScan = index;
				count++;
			}
		}
		byte[] scan = Arrays.copyOfRange(jpeg, lastScan, jpeg.length - 2);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, jpeg.length - 2);
		for (int extra = count; extra < scans; extra++) {
			out.writeBytes(scan);
		}
		out.write(0xFF);
		out.write(0xD9);
		return out.toByteArray();
	}

	static byte[] progressiveJpeg(int width, int height) {
		try {
			BufferedImage image = TestImages.read(TestImages.jpeg(width, height));
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(stream);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			writer.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int startOfFrame(byte[] jpeg) {
		int position = 2;
		while (true) {
			int marker = jpeg[position + 1] & 0xFF;
			if (marker >= 0xC0 && marker <= 0xC2) {
				return position;
			}
			position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
		}
	}

	// ---- bytes ---------------------------------------------------------------------

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
