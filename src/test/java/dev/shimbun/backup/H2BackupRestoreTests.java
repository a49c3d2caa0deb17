package dev.shimbun.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.media.MediaView;
import dev.shimbun.web.HtmlForm;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 database: a backup taken on the admin page while the site runs,
 * restored with bin/restore-h2.sh into a fresh data directory, holds the articles, the
 * comments and the media files.
 */
class H2BackupRestoreTests {

	@TempDir
	Path temp;

	@Test
	void aBackupFromTheAdminPageRestoresIntoAFreshDataDirectory() throws Exception {
		Path site = this.temp.resolve("site");
		Path restored = this.temp.resolve("restored");
		byte[] image = RunningSite.png(1);
		String comment;
		MediaView media;
		String backupName;
		try (RunningSite running = RunningSite.start(settings(site))) {
			comment = running.postComment(RunningSite.ARTICLE, "読者B", "抑止力の話、わかりやすかったです");
			media = running.uploadImage("backup-check.png", image);

			Document page = running.adminPage("/admin/backups");
			assertThat(page.select("#backups")).isEmpty();
			MvcResult created = running.perform(HtmlForm.of(page, "#create-backup").submit().with(RunningSite.admin()));
			assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/backups");
			assertThat(created.getFlashMap().get("notice")).isEqualTo("backups.notice.created");

			Element row = running.adminPage("/admin/backups").selectFirst("#backups tbody tr");
			backupName = row.selectFirst("a").text();
			assertThat(backupName).matches("shimbun-[0-9]{8}-[0-9]{6}\\.zip");
			assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/backups/" + backupName);
			List<AuditEntry> audit = running.bean(AuditService.class)
				.search(new AuditFilter(null, AuditAction.BACKUP_CREATED, null, null, null), 0)
				.getContent();
			assertThat(audit).singleElement().satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("chief");
				assertThat(entry.targetId()).isEqualTo(backupName);
			});

			// After the backup: not in it.
			running.postComment(RunningSite.ARTICLE, "読者C", "バックアップのあとのコメント");
		}

		Path archive = site.resolve("backups").resolve(backupName);
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			assertThat(zip.stream().map(ZipEntry::getName))
				.contains("backup.properties", "database/shimbun.mv.db", "media/")
				.anyMatch((name) -> name.startsWith("media/") && name.endsWith("/original"));
		}

		Scripts.Run restore = Scripts.run("restore-h2.sh", archive, restored);
		assertThat(restore.status()).as(restore.output()).isZero();
		assertThat(restored.resolve("shimbun.mv.db")).isNotEmptyFile();

		Scripts.Run again = Scripts.run("restore-h2.sh", archive, restored);
		assertThat(again.status()).as(again.output()).isEqualTo(1);
		assertThat(again.output()).contains("already holds a database", "--force");
		Scripts.Run forced = Scripts.run("restore-h2.sh", "--force", archive, restored);
		assertThat(forced.status()).as(forced.output()).isZero();
		try (Stream<Path> files = Files.list(restored)) {
			assertThat(files.map((file) -> file.getFileName().toString())).contains("shimbun.mv.db", "media")
				.anyMatch((name) -> name.startsWith("shimbun.mv.db.before-restore-"))
				.anyMatch((name) -> name.startsWith("media.before-restore-"));
		}

		try (RunningSite running = RunningSite.start(settings(restored))) {
			Document article = running.page(RunningSite.ARTICLE);
			assertThat(article.text()).contains(RunningSite.ARTICLE_TEXT);
			Element restoredComment = article.getElementById(comment);
			assertThat(restoredComment).isNotNull();
			assertThat(restoredComment.selectFirst(".comment-nickname").text()).isEqualTo("読者B");
			assertThat(restoredComment.selectFirst(".comment-body").text()).isEqualTo("抑止力の話、わかりやすかったです");
			assertThat(article.text()).doesNotContain("バックアップのあとのコメント");
			assertThat(running.fetchAsEditor(media.url())).isEqualTo(image);
			assertThat(running.fetchAsEditor(media.url() + "/640")).isNotEmpty();
		}
	}

	@Test
	void restoreRefusesWhatIsNotABackup() throws Exception {
		Path notZip = Files.writeString(this.temp.resolve("notes.zip"), "not a zip");
		Scripts.Run run = Scripts.run("restore-h2.sh", notZip, this.temp.resolve("data"));
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.output()).contains("not a zip archive");
		Scripts.Run usage = Scripts.run("restore-h2.sh", notZip);
		assertThat(usage.status()).isEqualTo(2);
		assertThat(usage.output()).contains("Usage: restore-h2.sh");
	}

	private static String[] settings(Path dataDir) {
		return new String[] { "--shimbun.data-dir=" + dataDir, "--spring.datasource.url=jdbc:h2:file:"
				+ dataDir.resolve("shimbun") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" };
	}

}
