package dev.shimbun.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that an uploaded file is a whole image of an accepted type and makes its resized
 * variants. The type comes from the content ({@link ImageType#detect}); the image is then
 * decoded completely, so a broken or truncated file is refused and its size is known.
 * <p>
 * Variants are made for each of {@link #VARIANT_WIDTHS} smaller than the image (never
 * upscaled): JPEG for JPEG and opaque WebP sources, PNG for PNG, GIF and transparent
 * WebP. Animated GIF, PNG and WebP images get none, so they keep moving: their original
 * is served for every variant. A JPEG's EXIF orientation is applied to its variants and
 * to the stored width and height, as browsers apply it to the original.
 */
final class ImageProcessor {

	/** The widths of the resized variants, in pixels. */
	static final List<Integer> VARIANT_WIDTHS = List.of(640, 1280);

	/** Decoding a larger image would take too much memory (4 bytes a pixel). */
	static final long MAX_PIXELS = 50_000_000L;

	private static final float JPEG_QUALITY = 0.85f;

	private static final Logger logger = LoggerFactory.getLogger(ImageProcessor.class);

	static {
		// Registers ImageIO plugins on the application class path (the WebP reader) even
		// when ImageIO was first used by another class loader.
		ImageIO.scanForPlugins();
	}

	/** A checked image and its variants. */
	record Processed(ImageType type, int width, int height, List<Variant> variants, ImageType variantType) {

		List<Integer> variantWidths() {
			return this.variants.stream().map(Variant::width).toList();
		}

	}

	/** A resized copy of an image. */
	record Variant(int width, byte[] content) {

	}

	/**
	 * Checks the file and makes its variants.
	 * @throws MediaRejectedException with {@code media.error.wrongType},
	 * {@code media.error.broken} or {@code media.error.tooManyPixels}
	 */
	Processed process(byte[] content) {
		ImageType type = ImageType.detect(content)
			.orElseThrow(() -> new MediaRejectedException("media.error.wrongType"));
		Decoded decoded = decode(type, content);
		BufferedImage image = decoded.image();
		if (decoded.orientation() != null && decoded.orientation() != Orientation.TOP_LEFT) {
			image = ExifFilterUtils.getFilterForOrientation(decoded.orientation()).apply(image);
		}
		ImageType variantType = switch (type) {
			case JPEG -> ImageType.JPEG;
			case WEBP -> image.getColorModel().hasAlpha() ? ImageType.PNG : ImageType.JPEG;
			case PNG, GIF -> ImageType.PNG;
		};
		List<Variant> variants = new ArrayList<>();
		if (!decoded.animated()) {
			for (int width : VARIANT_WIDTHS) {
				if (width < image.getWidth()) {
					variants.add(new Variant(width, resize(image, width, variantType)));
				}
			}
		}
		return new Processed(type, image.getWidth(), image.getHeight(), List.copyOf(variants), variantType);
	}

	private record Decoded(BufferedImage image, Orientation orientation, boolean animated) {

	}

	private Decoded decode(ImageType type, byte[] content) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + type);
		}
		ImageReader reader = readers.next();
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(input, false, false);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width <= 0 || height <= 0) {
				throw new MediaRejectedException("media.error.broken");
			}
			if ((long) width * height > MAX_PIXELS) {
				throw new MediaRejectedException("media.error.tooManyPixels", width, height, MAX_PIXELS / 10_000);
			}
			boolean animated = switch (type) {
				case GIF, WEBP -> reader.getNumImages(true) > 1;
				case PNG -> isAnimatedPng(content);
				case JPEG -> false;
			};
			Orientation orientation = (type == ImageType.JPEG) ? orientation(reader) : null;
			BufferedImage image = reader.read(0);
			if (animated && type == ImageType.GIF) {
				// every frame must decode, not just the first
				for (int index = 1; index < reader.getNumImages(false); index++) {
					reader.read(index);
				}
			}
			// A GIF decoder fills a cut-off frame without complaint; a whole GIF ends
			// with
			// its trailer byte.
			boolean cutOff = type == ImageType.GIF && content[content.length - 1] != 0x3B;
			if (image == null || cutOff || !warnings.isEmpty()) {
				logger.debug("Broken {} image: {}", type, warnings);
				throw new MediaRejectedException("media.error.broken");
			}
			return new Decoded(image, orientation, animated);
		}
		catch (MediaRejectedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Broken {} image", type, ex);
			throw new MediaRejectedException("media.error.broken", ex);
		}
		finally {
			reader.dispose();
		}
	}

	private static Orientation orientation(ImageReader reader) {
		try {
			return ExifUtils.getExifOrientation(reader, 0);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Unreadable EXIF orientation", ex);
			return null;
		}
	}

	/** An APNG has an {@code acTL} chunk before its first {@code IDAT}. */
	static boolean isAnimatedPng(byte[] content) {
		ByteBuffer buffer = ByteBuffer.wrap(content);
		long position = 8;
		while (position + 8 <= content.length) {
			int length = buffer.getInt((int) position);
			String chunk = new String(content, (int) position + 4, 4, StandardCharsets.US_ASCII);
			if (chunk.equals("acTL")) {
				return true;
			}
			if (chunk.equals("IDAT") || length < 0) {
				return false;
			}
			position += 12L + length;
		}
		return false;
	}

	private static byte[] resize(BufferedImage image, int width, ImageType format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).width(width);
			if (format == ImageType.JPEG) {
				builder.imageType(BufferedImage.TYPE_INT_RGB).outputFormat("jpg").outputQuality(JPEG_QUALITY);
			}
			else {
				builder.imageType(BufferedImage.TYPE_INT_ARGB).outputFormat("png");
			}
			builder.toOutputStream(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
