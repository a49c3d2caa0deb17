package dev.shimbun.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that an uploaded file is a whole image of an accepted type and makes its resized
 * variants. The type comes from the content ({@link ImageType#detect}); the file's
 * structure is then checked against the {@link ImageLimits} before anything is decoded
 * ({@link ImageStructure}), and only then is the image decoded completely, at most a few
 * at a time ({@link DecodeGate}), so a broken or truncated file is refused and its size
 * is known. Decoders read no metadata: PNG gets a copy without its ancillary chunks, and
 * the EXIF orientation of a JPEG is read from its structure.
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

	private static final float JPEG_QUALITY = 0.85f;

	private static final Logger logger = LoggerFactory.getLogger(ImageProcessor.class);

	static {
		// Registers ImageIO plugins on the application class path (the WebP reader) even
		// when ImageIO was first used by another class loader.
		ImageIO.scanForPlugins();
	}

	private final ImageLimits limits;

	private final DecodeGate gate;

	/** With the default limits and two decodes at a time. */
	ImageProcessor() {
		this(ImageLimits.DEFAULT, new DecodeGate(2, Duration.ofSeconds(10)));
	}

	ImageProcessor(ImageLimits limits, DecodeGate gate) {
		this.limits = limits;
		this.gate = gate;
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
	 * {@code media.error.broken}, {@code media.error.tooManyPixels},
	 * {@code media.error.tooMuchData}, {@code media.error.metadata} or
	 * {@code media.error.busy}
	 */
	Processed process(byte[] content) {
		ImageType type = ImageType.detect(content)
			.orElseThrow(() -> new MediaRejectedException("media.error.wrongType"));
		ImageStructure.Facts facts = ImageStructure.inspect(type, content, this.limits);
		return this.gate.decode(() -> decodeAndResize(type, facts));
	}

	private Processed decodeAndResize(ImageType type, ImageStructure.Facts facts) {
		BufferedImage image = decode(type, facts);
		int width = facts.turned() ? image.getHeight() : image.getWidth();
		int height = facts.turned() ? image.getWidth() : image.getHeight();
		ImageType variantType = switch (type) {
			case JPEG -> ImageType.JPEG;
			case WEBP -> image.getColorModel().hasAlpha() ? ImageType.PNG : ImageType.JPEG;
			case PNG, GIF -> ImageType.PNG;
		};
		List<Variant> variants = new ArrayList<>();
		if (!facts.animated()) {
			for (int variantWidth : VARIANT_WIDTHS) {
				if (variantWidth < width) {
					variants.add(new Variant(variantWidth, resize(image, facts, variantWidth, variantType)));
				}
			}
		}
		return new Processed(type, width, height, List.copyOf(variants), variantType);
	}

	private BufferedImage decode(ImageType type, ImageStructure.Facts facts) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + type);
		}
		ImageReader reader = readers.next();
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		byte[] content = facts.decodable();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			reader.setInput(input, false, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			// the decoder must see what the structure said, or the limits checked nothing
			if (width <= 0 || height <= 0 || (long) width * height > this.limits.maxPixels()) {
				throw new MediaRejectedException("media.error.broken");
			}
			BufferedImage image = reader.read(0);
			if (type == ImageType.GIF) {
				// every frame must decode, not just the first; each was checked against
				// the
				// limits, and only one is held at a time
				for (int index = 1; index < facts.frames(); index++) {
					reader.read(index);
				}
			}
			if (image == null || !warnings.isEmpty()) {
				logger.debug("Broken {} image: {}", type, warnings);
				throw new MediaRejectedException("media.error.broken");
			}
			return image;
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

	/**
	 * A variant as shown: the stored image is made smaller first and only then turned by
	 * its EXIF orientation, so that no full-size copy is made.
	 */
	private static byte[] resize(BufferedImage image, ImageStructure.Facts facts, int width, ImageType format) {
		try {
			int type = (format == ImageType.JPEG) ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
			Thumbnails.Builder<BufferedImage> smaller = Thumbnails.of(image).imageType(type);
			BufferedImage variant = (facts.turned() ? smaller.height(width) : smaller.width(width)).asBufferedImage();
			if (facts.orientation() != null && facts.orientation() != Orientation.TOP_LEFT) {
				variant = ExifFilterUtils.getFilterForOrientation(facts.orientation()).apply(variant);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(variant).scale(1.0).imageType(type);
			if (format == ImageType.JPEG) {
				builder.outputFormat("jpg").outputQuality(JPEG_QUALITY);
			}
			else {
				builder.outputFormat("png");
			}
			builder.toOutputStream(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
