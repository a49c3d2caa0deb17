package dev.shimbun.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.shimbun.media.MediaView;
import dev.shimbun.support.S3Server;
import dev.shimbun.web.HtmlForm;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media in a bucket of a real S3-compatible server ({@link S3Server}) with the embedded
 * H2 database: a backup taken on the admin page holds the bucket's files, and a restore
 * (bin/restore-h2.sh --no-media for the database, then the application started with
 * {@code shimbun.backup.restore-media}) puts them into a new, empty bucket.
 */
class S3BackupRestoreTests {

	private final S3Server s3 = S3Server.shared();

	@TempDir
	Path temp;

	@Test
	void aBackupHoldsTheFilesOfTheBucketAndTheRestorePutsThemIntoAnEmptyOne() throws Exception {
		Path site = this.temp.resolve("site");
		Path restored = this.temp.resolve("restored");
		String bucket = this.s3.createBucket("shimbun-site");
		byte[] image = RunningSite.png(2);
		MediaView media;
		String backupName;
		try (RunningSite running = RunningSite.start(settings(site, bucket))) {
			media = running.uploadImage("s3-backup-check.png", image);
			Document page = running.adminPage("/admin/backups");
			MvcResult created = running.perform(HtmlForm.of(page, "#create-backup").submit().with(RunningSite.admin()));
			assertThat(created.getFlashMap().get("notice")).isEqualTo("backups.notice.created");
			backupName = running.adminPage("/admin/backups").selectFirst("#backups tbody tr a").text();
		}
		List<String> objects = this.s3.objects(bucket);
		assertThat(objects).hasSize(2).anyMatch((name) -> name.endsWith("/original"));
		assertThat(site.resolve("media")).doesNotExist();

		Path archive = site.resolve("backups").resolve(backupName);
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			assertThat(zip.stream().map(ZipEntry::getName).filter((name) -> name.startsWith("media/")))
				.containsExactlyInAnyOrderElementsOf(
						Stream.concat(Stream.of("media/"), objects.stream().map((name) -> "media/" + name)).toList());
			for (String name : objects) {
				assertThat(zip.getInputStream(zip.getEntry("media/" + name)).readAllBytes()).as(name)
					.isEqualTo(this.s3.object(bucket, name));
			}
			assertThat(new String(zip.getInputStream(zip.getEntry("backup.properties")).readAllBytes()))
				.contains("media.location=s3://" + bucket + "/");
		}

		Scripts.Run restore = Scripts.run("restore-h2.sh", "--no-media", archive, restored);
		assertThat(restore.status()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("shimbun.backup.restore-media=");
		assertThat(restored.resolve("media")).doesNotExist();

		String restoredBucket = this.s3.createBucket("shimbun-restored");
		String[] restoring = Stream
			.concat(Stream.of(settings(restored, restoredBucket)),
					Stream.of("--shimbun.backup.restore-media=" + archive))
			.toArray(String[]::new);
		try (RunningSite running = RunningSite.start(restoring)) {
			assertThat(this.s3.objects(restoredBucket)).isEqualTo(objects);
			for (String name : objects) {
				assertThat(this.s3.object(restoredBucket, name)).as(name).isEqualTo(this.s3.object(bucket, name));
			}
			String variant = objects.stream().filter((name) -> name.endsWith("/640")).findFirst().orElseThrow();
			assertThat(running.fetchAsEditor(media.url())).isEqualTo(image);
			assertThat(running.fetchAsEditor(media.url() + "/640")).isEqualTo(this.s3.object(restoredBucket, variant));
		}
	}

	private String[] settings(Path dataDir, String bucket) {
		Stream<String> database = Stream.of("--shimbun.data-dir=" + dataDir, "--spring.datasource.url=jdbc:h2:file:"
				+ dataDir.resolve("shimbun") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		return Stream.concat(database, Stream.of(this.s3.mediaSettings(bucket)).map((setting) -> "--" + setting))
			.toArray(String[]::new);
	}

}
