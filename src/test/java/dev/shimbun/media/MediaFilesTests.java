package dev.shimbun.media;

import java.nio.file.Path;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files in the media directory are the library, for copies such as backups. */
class MediaFilesTests {

	@TempDir
	Path dir;

	@Test
	void listWhenAFileIsBeingWrittenThenOnlyTheStoredFilesSortedByPath() throws Exception {
		ShimbunProperties properties = properties();
		LocalMediaStorage storage = new LocalMediaStorage(properties);
		storage.put("cd0123456789abcd", "original", new byte[] { 1 });
		storage.put("ab0123456789abcd", "original", new byte[] { 2 });
		storage.put("ab0123456789abcd", "640", new byte[] { 3 });
		Path writing = MediaFiles.createTemporary(this.dir.resolve("ab/ab0123456789abcd"), "1280");
		assertThat(writing).exists();

		MediaFiles files = new MediaFiles(properties);

		assertThat(files.directory()).isEqualTo(this.dir.toAbsolutePath());
		assertThat(files.list()).containsExactly(this.dir.resolve("ab/ab0123456789abcd/640"),
				this.dir.resolve("ab/ab0123456789abcd/original"), this.dir.resolve("cd/cd0123456789abcd/original"));
	}

	@Test
	void listWhenNothingWasUploadedThenNone() throws Exception {
		MediaFiles files = new MediaFiles(properties(Map.of("shimbun.media.dir", this.dir.resolve("none").toString())));
		assertThat(files.list()).isEmpty();
	}

	private ShimbunProperties properties() {
		return properties(Map.of("shimbun.media.dir", this.dir.toString()));
	}

	private static ShimbunProperties properties(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shimbun",
				ShimbunProperties.class);
	}

}
