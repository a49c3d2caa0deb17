package dev.shimbun.media;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an upload that need no image: its stored name, the size limit as shown.
 */
class MediaServiceTests {

	@Test
	void originalNameWhenTheBrowserSendsAPathThenTheFileNameOnly() {
		assertThat(MediaService.originalName(file("C:\\fakepath\\夕暮れ.png"))).isEqualTo("夕暮れ.png");
		assertThat(MediaService.originalName(file("photos/2025/../kokkai.jpg"))).isEqualTo("kokkai.jpg");
		assertThat(MediaService.originalName(file("  spaced.gif  "))).isEqualTo("spaced.gif");
	}

	@Test
	void originalNameWhenNoneOrBlankThenImage() {
		assertThat(MediaService.originalName(file(null))).isEqualTo("image");
		assertThat(MediaService.originalName(file("   "))).isEqualTo("image");
		assertThat(MediaService.originalName(file("folder/"))).isEqualTo("image");
	}

	@Test
	void originalNameWhenLongerThan255ThenItsEndWithTheExtension() {
		String name = "a".repeat(300) + ".png";
		assertThat(MediaService.originalName(file(name))).hasSize(255).endsWith("a.png");
	}

	@Test
	void sizeTextInTheLargestWholeUnit() {
		assertThat(MediaService.sizeText(DataSize.ofMegabytes(10))).isEqualTo("10MB");
		assertThat(MediaService.sizeText(DataSize.ofKilobytes(512))).isEqualTo("512KB");
		assertThat(MediaService.sizeText(DataSize.ofBytes(1000))).isEqualTo("1000B");
	}

	private static MockMultipartFile file(String name) {
		return new MockMultipartFile("file", name, "image/png", new byte[] { 1 });
	}

}
