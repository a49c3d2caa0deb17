package dev.shimbun.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.shimbun.ShimbunProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MediaStorageTests {

	@TempDir
	Path dir;

	@Test
	void putWritesTheFileWhereGetFindsItAndLeavesNoTemporaryFile() throws Exception {
		LocalMediaStorage storage = storage("shimbun.media.dir", this.dir.toString());
		storage.put("abcdef0123456789", "original", new byte[] { 1, 2, 3 });
		storage.put("abcdef0123456789", "640", new byte[] { 4 });
		storage.put("abcdef0123456789", "640", new byte[] { 5 });
		assertThat(Files.readAllBytes(this.dir.resolve("ab/abcdef0123456789/original"))).containsExactly(1, 2, 3);
		assertThat(storage.get("abcdef0123456789", "640").orElseThrow().getContentAsByteArray()).containsExactly(5);
		assertThat(storage.get("abcdef0123456789", "1280")).isEmpty();
		try (Stream<Path> files = Files.walk(this.dir)) {
			assertThat(files.filter(Files::isRegularFile).map((path) -> path.getFileName().toString()))
				.containsExactlyInAnyOrder("original", "640");
		}
	}

	@Test
	void deleteRemovesTheFilesAndTheirDirectory() throws Exception {
		LocalMediaStorage storage = storage("shimbun.media.dir", this.dir.toString());
		storage.put("0123456789abcdef", "original", new byte[] { 1 });
		storage.put("0123456789abcdef", "640", new byte[] { 2 });
		storage.delete("0123456789abcdef", "original");
		assertThat(this.dir.resolve("01/0123456789abcdef")).isDirectory();
		storage.delete("0123456789abcdef", "640");
		storage.delete("0123456789abcdef", "1280");
		assertThat(this.dir.resolve("01/0123456789abcdef")).doesNotExist();
	}

	@Test
	void keysAndVariantsCannotLeaveTheDirectory() {
		LocalMediaStorage storage = storage("shimbun.media.dir", this.dir.toString());
		assertThatIllegalArgumentException().isThrownBy(() -> storage.get("../../etc/passwd", "original"));
		assertThatIllegalArgumentException().isThrownBy(() -> storage.get("abcdef0123456789", "../x"));
		assertThatIllegalArgumentException().isThrownBy(() -> storage.put("ABC/DEF012345", "original", new byte[0]));
	}

	@Test
	void defaultDirectoryIsMediaInTheDataDirectory() {
		LocalMediaStorage storage = storage("shimbun.data-dir", this.dir.toString());
		assertThat(storage.root()).isEqualTo(this.dir.resolve("media").toAbsolutePath());
		assertThat(new ShimbunProperties.Media("", null, 0, null, 1, null, null, null).dir()).isEmpty();
	}

	private static LocalMediaStorage storage(String property, String value) {
		ShimbunProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of(property, value)))
			.bindOrCreate("shimbun", ShimbunProperties.class);
		return new LocalMediaStorage(properties);
	}

}
