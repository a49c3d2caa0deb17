package dev.shimbun.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real image files made for the tests with ImageIO (WebP, which ImageIO cannot write, as
 * bytes).
 */
final class TestImages {

	/**
	 * A lossy 1400×700 WebP (made with cwebp -q 30): dark blue with a white rectangle.
	 */
	static final byte[] WEBP_1400x700 = Base64.getDecoder()
		.decode("UklGRjwIAABXRUJQVlA4IDAIAACQ4gCdASp4BbwCPxGIwVmsKaejoMgBgCIJaW7hd2Eeu9euwBje+ZZdwis77iF23EEdxC7biCO4"
				+ "hdtxBHcQu24gjuIXbcQR3ELtuII7iF23EEdxBMXU30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUO"
				+ "cZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3VBuhzjKAe6m+jahzjKAe6m+jahzjKAe6m+jahzjKAe6m+jahzjKAjhTWNqHOMo"
				+ "B7qb6NqHOMoB7qb6NqHOMoB7qb6NqHOMoB7qb6NqHQNgHupvo2oc4ygHupvo2oc4ygHupvo2oc4ygHupvo2oc4ygHupvpwRzjKAe"
				+ "6m+jahzjKAe6m+jahzjKAe6m+jahzjKAe6m+jahzjKAfVLWNqHOMoB7qb6NqHOMoB7qb6NqHOMoB7qb6NqHOMoB7qb6NqHOYNiMX"
				+ "U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U35dQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlARwp"
				+ "rG1DnGUA91N9G1DnGUA91N9G1DnGUA91N9G1DnGUA91N9G1DoGwD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30"
				+ "4I5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPqlrG1DnGUA91N9G1DmBsfGOwt38Y7C3fxjsLd/GOwt38Y7C3f"
				+ "xjsLd/GOwt38Y7B+OhzjKAe6m+jahzjKAe9B6NqHOMoB7qb6NqHOAZZwEw4G4scWYX/YC7LOAe6m+jahzjKAe6m+jcaqMoB7qb6N"
				+ "qHOMoB7gZb6CoBG+jahzjJ/p/HQ5xlAPdTfRtQ5xlAPeg9G1DnGUA91N9G1DnAMt9BUAjfRtQ5xk/0/joc4ygHupvo2oc4ygHvQe"
				+ "jahzjKAe6m+jahzgGW+gqARvo2oc4yf6fx0OcZQD3U30bUOcZQD3oPRtQ5xlAPdTfRtQ5wDLfQVAI30bUOcZP9P46HOMoB7qb6Nq"
				+ "HOMoB70Ho2oc4ygHupvo2oc4BlvoKgEb6NqHOMn+n8dDnGUA91N9G1DnGUA96D0bUOcZQD3U30bUOcAy30FQCN9G1DnGT/T+Ohzj"
				+ "KAe6m+jahzjKAe9B6NqHOMoB7qb6NqHOAZb6CoBG+jahzjJ/p/HQ5xlAPdTfRtQ5xlAPeg9G1DnGUA91N9G1DnAMt9BUAjfRtQ5x"
				+ "k/0/joc4ygHupvo2oc4ygHvQejahzjKAe6m+jahzgGW+gqARvo2oc4yf6fx0OcZQD3U30bUOcZQD3oPRtQ5xlAPdTfRtQ5wDLfQV"
				+ "AI30bUOcZP9P46HOMoB7qb6NqHOMoB70Ho2oc4ygHupvo2oc4BlvoKgEb6NqHOMn+n8dDnGUA91N9G1DnGUA96D0bUOcZQD3U30b"
				+ "UOcAy30FQCN9G1DnGT/T+OhzjKAe6m+jahzjKAe9B6NqHOMoB7qb6NqHOAZb6CoBG+jahzjJ/p/HQ5xlAPdTfRtQ5xlAPeg9G1Dn"
				+ "GUA91N9G1DnAMt9BUAjfRtQ5xk/0/joc4ygHupvo2oc4ygHvQejahzjKAe6m+jahzgGW+gqARvo2oc4yf6fx0OcZQD3U30bUOcZQ"
				+ "D3oPRtQ5xlAPdTfRtQ5wDLfQVAI30bUOcZP9P46HOMoB7qb6NqHOMoB70Ho2oc4ygHupvo2oc4Bxoqy3fxjsLd/GOwt38Y7C3fxj"
				+ "sLd/GOwt38Y7C3fxjsLdz30bUOcZQD3U30bUOcZRJ9TfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtRZO4jF1N9G"
				+ "1DnGUA91N9G1DnGUA91N9G1DnGUA91N9G1DnGUA91OLP4XlgHupvo2oc4ygHupvo2oc4ygHupvo2oc4ygHupvo2oc4ygH1S1jahz"
				+ "jKAe6m+jahzjKAe6m+jahzjKAe6m+jahzjKAe6m+jahzmDYjF1N9G1DnGUA91N9G1DnGUA91N9G1DnGUA91N9G1DnGUA91N+XUOc"
				+ "ZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQEcKaxtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ6Bs"
				+ "A91N9G1DnGUA91N9G1DnGUA91N9G1DnGUA91N9G1DnGUA91N9OCOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD3U30bUOcZQD"
				+ "6paxtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5xlAPdTfRtQ5zBsRi6m+jahzjKAe6m+jahzjKAe6m+jahzjKAe6m+jahzjKAe"
				+ "6m/LqHOMoB7qb6NqHOMoB7qb6NqHOMoB7qb6NqHOMoB7qb6NqHOMncAA/v+gxf/1rz9yPQv/pLpc+0Ote1r2te1r2te1r2te1r2t"
				+ "e1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r2te1r0XMCAAAAAAAAAAAAA"
				+ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABo/+esb/4d7s87pn/q0mktFptYuexgdDWLnsYHQ1i57GB0NYuexgdDWLnsYHQ1i5gQEu"
				+ "Fk+CwAABZhQAD8CgAW4UAC3CgAW4UAC3CgAW4UAC3CgAW4UAC3CgAW4UAC3CgAW4UAC3CgAW4UAC3CgAAAAAAAAAAAAAAAAAAAAA"
				+ "AAAAAAAAAAAAAAAAAAAAAA==");

	/** A lossless 800×400 WebP with transparency (made with cwebp -lossless). */
	static final byte[] WEBP_ALPHA_800x400 = Base64.getDecoder()
		.decode("UklGRj4AAABXRUJQVlA4TDEAAAAvH8NjEA8Q8x8DGAwzbduUwfizHIMR2Fs5ov8TEP7n/3K89+jwH//xH/+5Dv/zfwsGAA==");

	private TestImages() {
	}

	static byte[] png(int width, int height) {
		return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
	}

	static byte[] jpeg(int width, int height) {
		return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	static byte[] gif(int width, int height) {
		return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
	}

	/** A GIF with a palette of two colours (one bit a pixel once decoded). */
	static byte[] gifTwoColours(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		return write(image, "gif");
	}

	/** A JPEG whose EXIF orientation (6) says: turn 90° clockwise to show. */
	static byte[] jpegRotatedByExif(int storedWidth, int storedHeight) {
		byte[] jpeg = jpeg(storedWidth, storedHeight);
		byte[] exif = { (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
				0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0 };
		// after SOI and the JFIF APP0 segment that ImageIO writes
		int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		byte[] result = new byte[jpeg.length + exif.length];
		System.arraycopy(jpeg, 0, result, 0, app0End);
		System.arraycopy(exif, 0, result, app0End, exif.length);
		System.arraycopy(jpeg, app0End, result, app0End + exif.length, jpeg.length - app0End);
		return result;
	}

	/** A GIF of three frames. */
	static byte[] animatedGif(int width, int height) {
		try {
			ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(stream);
				writer.prepareWriteSequence(null);
				for (int frame = 0; frame < 3; frame++) {
					BufferedImage image = picture(width, height, BufferedImage.TYPE_INT_RGB);
					Graphics2D graphics = image.createGraphics();
					graphics.setColor(Color.RED);
					graphics.fillRect(frame * 10, 0, 10, 10);
					graphics.dispose();
					ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
					IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
					IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_gif_image_1.0");
					IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
					control.setAttribute("disposalMethod", "none");
					control.setAttribute("userInputFlag", "FALSE");
					control.setAttribute("transparentColorFlag", "FALSE");
					control.setAttribute("delayTime", "20");
					control.setAttribute("transparentColorIndex", "0");
					root.appendChild(control);
					metadata.setFromTree("javax_imageio_gif_image_1.0", root);
					writer.writeToSequence(new IIOImage(image, null, metadata), null);
				}
				writer.endWriteSequence();
			}
			writer.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first part of a file, as an interrupted transfer leaves it. */
	static byte[] truncated(byte[] content, double fraction) {
		return Arrays.copyOf(content, (int) (content.length * fraction));
	}

	static BufferedImage read(byte[] content) {
		try {
			return ImageIO.read(new java.io.ByteArrayInputStream(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(20, 60, 140), width, height, new Color(240, 180, 40)));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.WHITE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		return image;
	}

	private static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
