package dev.shimbun.media;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Files that are small but would take far more memory or time to decode than they are
 * large are refused from their structure, before any decoder sees them: the decoding gate
 * is held while they are processed, so a file that reached a decoder would be refused as
 * busy instead.
 */
class MediaImageBombTests {

	private final DecodeGate gate = new DecodeGate(1, Duration.ZERO);

	private final ImageProcessor images = new ImageProcessor(ImageLimits.DEFAULT, this.gate);

	@Test
	void processWhenBombThenRefusedBeforeAnyDecoding() {
		Map<String, ImageBombs.Case> bombs = ImageBombs.all();
		this.gate.decode(() -> {
			bombs.forEach((name, bomb) -> {
				assertThat(bomb.content().length).as("%s is small", name).isLessThan(2 * 1024 * 1024);
				assertThatExceptionOfType(MediaRejectedException.class).as(name)
					.isThrownBy(() -> this.images.process(bomb.content()))
					.satisfies((ex) -> {
						assertThat(ex.messageKey()).as(name).isEqualTo(bomb.messageKey());
						assertThat(ex.status().value()).as(name).isEqualTo(422);
					});
			});
			return null;
		});
	}

	@Test
	void bombsAreRecognisedAsImagesByTheirFirstBytes() {
		ImageBombs.all().forEach((name, bomb) -> assertThat(ImageType.detect(bomb.content())).as(name).isPresent());
	}

	@Test
	void inspectWhenTheLimitsAreSmallerThenFramesCountTowardsTheDecodedSize() {
		byte[] gif = TestImages.animatedGif(200, 100);
		ImageLimits limits = new ImageLimits(50_000_000L, 3 * 200 * 100 * 4, 1024, 1000, 100);
		assertThat(ImageStructure.inspect(ImageType.GIF, gif, limits).frames()).isEqualTo(3);
		ImageLimits smaller = new ImageLimits(50_000_000L, 3 * 200 * 100 * 4 - 1, 1024, 1000, 100);
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> ImageStructure.inspect(ImageType.GIF, gif, smaller))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("media.error.tooMuchData"));
		ImageLimits fewFrames = new ImageLimits(50_000_000L, 1L << 30, 1024, 2, 100);
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> ImageStructure.inspect(ImageType.GIF, gif, fewFrames))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("media.error.tooMuchData"));
	}

	@Test
	void inspectWhenAFrameIsOverThePixelLimitThenRefusedWhateverTheFirstFrame() {
		ImageLimits limits = new ImageLimits(10_000L, 1L << 30, 1024, 1000, 100);
		byte[] gif = ImageBombs.gifWithSecondFrame(TestImages.gif(100, 100), 101, 100);
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> ImageStructure.inspect(ImageType.GIF, gif, limits))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("media.error.tooManyPixels");
				assertThat(ex.arguments()).containsExactly(101L, 100L, 1L);
			});
	}

	@Test
	void processWhenSmallMetadataThenAcceptedAndTheMetadataIsNotDecoded() {
		byte[] png = ImageBombs.pngWithChunks("zTXt", ImageBombs.zTxt(100_000));
		byte[] withProfile = ImageBombs.pngWithChunks("iCCP", ImageBombs.iccp(500_000));
		byte[] withXmp = ImageBombs.pngWithChunks("iTXt", ImageBombs.iTxt(200_000));
		for (byte[] content : new byte[][] { png, withProfile, withXmp }) {
			ImageProcessor.Processed image = this.images.process(content);
			assertThat(image.width()).isEqualTo(64);
			assertThat(image.height()).isEqualTo(48);
		}
		ImageStructure.Facts facts = ImageStructure.inspect(ImageType.PNG, png, ImageLimits.DEFAULT);
		assertThat(facts.decodable().length).isLessThan(png.length - 100);
		assertThat(new String(facts.decodable(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("zTXt");
	}

	@Test
	void processWhenPaletteWithTransparencyThenVariantsKeepIt() throws Exception {
		byte[] reds = { 0, (byte) 255 };
		byte[] zeros = { 0, 0 };
		IndexColorModel palette = new IndexColorModel(8, 2, reds, zeros, zeros, 0);
		BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_BYTE_INDEXED, palette);
		image.getRaster().setSample(400, 200, 0, 1);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		assertThat(new String(png.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("tRNS");
		ImageProcessor.Processed processed = this.images.process(png.toByteArray());
		BufferedImage variant = TestImages.read(processed.variants().get(0).content());
		assertThat(variant.getWidth()).isEqualTo(640);
		assertThat(variant.getRGB(0, 0) >>> 24).as("alpha of a transparent pixel").isZero();
	}

	@Test
	void processWhenBrokenStructureThenBroken() {
		byte[] png = TestImages.png(64, 48);
		byte[][] broken = {
				// an unknown critical chunk
				ImageBombs.pngWithChunk("ZZZZ", new byte[4]),
				// a chunk longer than the file
				java.util.Arrays.copyOf(png, png.length - 20),
				// a GIF without its trailer
				java.util.Arrays.copyOf(TestImages.gif(50, 50), TestImages.gif(50, 50).length - 1),
				// an APNG frame outside the canvas
				ImageBombs.pngWithChunk("fcTL",
						java.nio.ByteBuffer.allocate(26).putInt(0).putInt(64).putInt(48).putInt(1).array()),
				// a JPEG without its end
				java.util.Arrays.copyOf(TestImages.jpeg(64, 48), TestImages.jpeg(64, 48).length - 2) };
		for (int index = 0; index < broken.length; index++) {
			byte[] content = broken[index];
			assertThatExceptionOfType(MediaRejectedException.class).as("case %d", index)
				.isThrownBy(() -> this.images.process(content))
				.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("media.error.broken"));
		}
	}

	@Test
	void processWhenTheGateIsTakenThenBusyWith429() {
		assertThatExceptionOfType(MediaRejectedException.class)
			.isThrownBy(() -> this.gate.decode(() -> this.images.process(TestImages.png(10, 10))))
			.satisfies((ex) -> {
				assertThat(ex.messageKey()).isEqualTo("media.error.busy");
				assertThat(ex.status().value()).isEqualTo(429);
				assertThat(ex.retryAfterSeconds()).isPositive();
			});
		assertThat(this.images.process(TestImages.png(10, 10)).width()).isEqualTo(10);
	}

}
