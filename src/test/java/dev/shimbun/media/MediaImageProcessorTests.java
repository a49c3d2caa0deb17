package dev.shimbun.media;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MediaImageProcessorTests {

	private final ImageProcessor images = new ImageProcessor();

	@Test
	void detectWhenMagicBytesThenTypeWhateverTheName() {
		assertThat(ImageType.detect(TestImages.jpeg(10, 10))).contains(ImageType.JPEG);
		assertThat(ImageType.detect(TestImages.png(10, 10))).contains(ImageType.PNG);
		assertThat(ImageType.detect(TestImages.gif(10, 10))).contains(ImageType.GIF);
		assertThat(ImageType.detect(TestImages.WEBP_1400x700)).contains(ImageType.WEBP);
		assertThat(ImageType.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(ImageType.detect("RIFF1234WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ImageType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isEmpty();
		assertThat(ImageType.detect(new byte[0])).isEmpty();
	}

	@Test
	void processWhenWideJpegThenJpegVariantsOf640And1280() {
		ImageProcessor.Processed image = this.images.process(TestImages.jpeg(2000, 1000));
		assertThat(image.type()).isEqualTo(ImageType.JPEG);
		assertThat(image.width()).isEqualTo(2000);
		assertThat(image.height()).isEqualTo(1000);
		assertThat(image.variantType()).isEqualTo(ImageType.JPEG);
		assertThat(image.variants()).extracting(ImageProcessor.Variant::width).containsExactly(640, 1280);
		for (ImageProcessor.Variant variant : image.variants()) {
			assertThat(ImageType.detect(variant.content())).contains(ImageType.JPEG);
			BufferedImage decoded = TestImages.read(variant.content());
			assertThat(decoded.getWidth()).isEqualTo(variant.width());
			assertThat(decoded.getHeight()).isEqualTo(variant.width() / 2);
		}
	}

	@Test
	void processWhenImageNotWiderThanAVariantThenNoUpscaling() {
		assertThat(this.images.process(TestImages.png(1000, 500)).variantWidths()).containsExactly(640);
		assertThat(this.images.process(TestImages.png(640, 480)).variantWidths()).isEmpty();
		assertThat(this.images.process(TestImages.png(300, 200)).variantWidths()).isEmpty();
	}

	@Test
	void processWhenPngOrGifThenPngVariants() {
		ImageProcessor.Processed png = this.images.process(TestImages.png(1400, 700));
		assertThat(png.variantType()).isEqualTo(ImageType.PNG);
		assertThat(ImageType.detect(png.variants().get(0).content())).contains(ImageType.PNG);
		ImageProcessor.Processed gif = this.images.process(TestImages.gif(1400, 700));
		assertThat(gif.type()).isEqualTo(ImageType.GIF);
		assertThat(gif.variantType()).isEqualTo(ImageType.PNG);
		assertThat(gif.variantWidths()).containsExactly(640, 1280);
	}

	@Test
	void processWhenAnimatedGifThenNoVariantsSoItKeepsMoving() {
		ImageProcessor.Processed gif = this.images.process(TestImages.animatedGif(800, 400));
		assertThat(gif.width()).isEqualTo(800);
		assertThat(gif.variants()).isEmpty();
	}

	@Test
	void processWhenWebpThenDecodedWithVariants() {
		ImageProcessor.Processed webp = this.images.process(TestImages.WEBP_1400x700);
		assertThat(webp.type()).isEqualTo(ImageType.WEBP);
		assertThat(webp.width()).isEqualTo(1400);
		assertThat(webp.height()).isEqualTo(700);
		assertThat(webp.variantType()).isEqualTo(ImageType.JPEG);
		assertThat(webp.variantWidths()).containsExactly(640, 1280);
		assertThat(TestImages.read(webp.variants().get(1).content()).getWidth()).isEqualTo(1280);
	}

	@Test
	void processWhenTransparentWebpThenPngVariant() {
		ImageProcessor.Processed webp = this.images.process(TestImages.WEBP_ALPHA_800x400);
		assertThat(webp.width()).isEqualTo(800);
		assertThat(webp.variantType()).isEqualTo(ImageType.PNG);
		assertThat(webp.variantWidths()).containsExactly(640);
		assertThat(TestImages.read(webp.variants().get(0).content()).getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void processWhenExifSaysRotatedThenSizeAndVariantsAsShown() {
		ImageProcessor.Processed image = this.images.process(TestImages.jpegRotatedByExif(1600, 800));
		assertThat(image.width()).isEqualTo(800);
		assertThat(image.height()).isEqualTo(1600);
		BufferedImage variant = TestImages.read(image.variants().get(0).content());
		assertThat(variant.getWidth()).isEqualTo(640);
		assertThat(variant.getHeight()).isEqualTo(1280);
	}

	@Test
	void processWhenTextDisguisedAsJpegThenWrongType() {
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> this.images.process("これは画像ではありません".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("media.error.wrongType"));
	}

	@Test
	void processWhenTruncatedThenBroken() {
		int[] count = { 0 };
		for (byte[] truncated : new byte[][] { TestImages.truncated(TestImages.jpeg(800, 600), 0.5),
				TestImages.truncated(TestImages.png(800, 600), 0.5),
				TestImages.truncated(TestImages.gif(800, 600), 0.5),
				TestImages.truncated(TestImages.animatedGif(800, 600), 0.8),
				TestImages.truncated(TestImages.WEBP_1400x700, 0.5),
				TestImages.truncated(TestImages.jpeg(800, 600), 0.01) }) {
			assertThatExceptionOfType(MediaRejectedException.class).as("case %d", ++count[0])
				.isThrownBy(() -> this.images.process(truncated))
				.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("media.error.broken"));
		}
	}

	@Test
	void processWhenHeaderOnlyThenBroken() {
		byte[] header = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThatExceptionOfType(MediaRejectedException.class).isThrownBy(() -> this.images.process(header))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("media.error.broken"));
	}

	@Test
	void animatedPngIsRecognisedByItsAnimationControlChunk() {
		assertThat(ImageStructure.inspect(ImageType.PNG, TestImages.png(10, 10), ImageLimits.DEFAULT).animated())
			.isFalse();
		byte[] png = TestImages.png(10, 10);
		byte[] apng = new byte[png.length + 20];
		// signature and IHDR (8 + 25 bytes), then an acTL chunk
		System.arraycopy(png, 0, apng, 0, 33);
		byte[] actl = { 0, 0, 0, 8, 'a', 'c', 'T', 'L', 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0 };
		System.arraycopy(actl, 0, apng, 33, actl.length);
		System.arraycopy(png, 33, apng, 53, png.length - 33);
		assertThat(ImageStructure.inspect(ImageType.PNG, apng, ImageLimits.DEFAULT).animated()).isTrue();
		assertThat(this.images.process(apng).variants()).isEmpty();
	}

}
