package dev.shimbun.media;

import java.io.InputStream;
import java.nio.file.Files;
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
	void listWhenAFileIsBeingWrittenThenOnlyTheStoredFilesSortedByName() throws Exception {
		ShimbunProperties properties = properties();
		LocalMediaStorage storage = new LocalMediaStorage(properties);
		storage.put("cd0123456789abcd", "original", new byte[] { 1 });
		storage.put("ab0123456789abcd", "original", new byte[] { 2 });
		storage.put("ab0123456789abcd", "640", new byte[] { 3 });
		Path writing = MediaFiles.createTemporary(this.dir.resolve("ab/ab0123456789abcd"), "1280");
		assertThat(writing).exists();
		Files.writeString(this.dir.resolve("notes.txt"), "not the library's");

		MediaFiles files = MediaFiles.onDisk(properties);

		assertThat(files.location()).isEqualTo(this.dir.toAbsolutePath().toString().replace('\\', '/'));
		assertThat(files.list()).extracting(MediaFiles.Entry::name)
			.containsExactly("ab/ab0123456789abcd/640", "ab/ab0123456789abcd/original", "cd/cd0123456789abcd/original");
	}

	@Test
	void listWhenNothingWasUploadedThenNone() throws Exception {
		MediaFiles files = MediaFiles
			.onDisk(properties(Map.of("shimbun.media.dir", this.dir.resolve("none").toString())));
		assertThat(files.list()).isEmpty();
	}

	@Test
	void putStoresAFileUnderItsNameWhereOpenFindsIt() throws Exception {
		MediaFiles files = MediaFiles.onDisk(properties());
		MediaFiles.Entry entry = MediaFiles.Entry.parse("ab/ab0123456789abcd/1280").orElseThrow();
		assertThat(files.contains(entry)).isFalse();
		assertThat(files.open(entry)).isEmpty();

		files.put(entry, new byte[] { 7, 8 });

		assertThat(files.contains(entry)).isTrue();
		assertThat(this.dir.resolve("ab/ab0123456789abcd/1280")).hasBinaryContent(new byte[] { 7, 8 });
		try (InputStream in = files.open(entry).orElseThrow()) {
			assertThat(in.readAllBytes()).containsExactly(7, 8);
		}
	}

	@Test
	void entryParseWhenNotALibraryNameThenEmpty() {
		assertThat(MediaFiles.Entry.parse("ab/ab0123456789abcd/original"))
			.contains(new MediaFiles.Entry("ab0123456789abcd", "original"));
		assertThat(MediaFiles.Entry.parse("ab/ab0123456789abcd/.640-1.tmp")).isEmpty();
		assertThat(MediaFiles.Entry.parse("cd/ab0123456789abcd/original")).isEmpty();
		assertThat(MediaFiles.Entry.parse("ab/../ab0123456789abcd/original")).isEmpty();
		assertThat(MediaFiles.Entry.parse("ab/ab0123456789abcd/thumb")).isEmpty();
	}

	private ShimbunProperties properties() {
		return properties(Map.of("shimbun.media.dir", this.dir.toString()));
	}

	private static ShimbunProperties properties(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shimbun",
				ShimbunProperties.class);
	}

}
