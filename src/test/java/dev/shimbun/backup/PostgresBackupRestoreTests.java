package dev.shimbun.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import dev.shimbun.media.MediaView;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL: a backup taken with bin/backup-postgres.sh (pg_dump) while the site runs,
 * restored with bin/restore-postgres.sh into a new database, holds the articles, the
 * comments and the media files. Needs pg_dump, pg_restore and psql (Debian package
 * postgresql-client); skipped without them, except on CI ({@code CI=true}), where it
 * fails.
 */
class PostgresBackupRestoreTests {

	@TempDir
	Path temp;

	@BeforeAll
	static void postgresClientTools() {
		for (String tool : new String[] { "pg_dump", "pg_restore", "psql" }) {
			if (!Scripts.onPath(tool)) {
				String message = tool + " is not on the PATH (Debian: apt-get install postgresql-client)";
				if ("true".equals(System.getenv("CI"))) {
					Assertions.fail("The PostgreSQL backup test must run on CI (CI=true), but " + message);
				}
				Assumptions.abort("Skipping the PostgreSQL backup test: " + message);
			}
		}
	}

	@Test
	void aPgDumpBackupRestoresIntoANewDatabase() throws Exception {
		Path media = this.temp.resolve("media");
		Path restoredMedia = this.temp.resolve("restored-media");
		Path backups = this.temp.resolve("backups");
		byte[] image = RunningSite.png(2);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			int port = postgres.getPort();
			String comment;
			MediaView item;
			try (RunningSite site = RunningSite.start(settings(port, "postgres", media))) {
				comment = site.postComment(RunningSite.ARTICLE, "読者D", "PostgreSQL でも残るはず");
				item = site.uploadImage("postgres-check.png", image);
				Document page = site.adminPage("/admin/backups");
				assertThat(page.getElementById("backup-postgres")).isNotNull();
				assertThat(page.getElementById("create-backup")).isNull();
			}

			Map<String, String> server = Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(port), "PGUSER",
					"postgres");
			Scripts.Run backup = Scripts.run(with(server, "PGDATABASE", "postgres"), "backup-postgres.sh",
					"--media-dir", media, backups);
			assertThat(backup.status()).as(backup.output()).isZero();
			Path backupDir = Path.of(backup.stdout().strip());
			assertThat(backupDir.getFileName().toString()).matches("shimbun-[0-9]{8}-[0-9]{6}");
			assertThat(backupDir.resolve("database.dump")).isNotEmptyFile();
			assertThat(backupDir.resolve("media.tar")).isNotEmptyFile();
			assertThat(Files.readString(backupDir.resolve("backup.properties"))).contains("database=postgresql",
					"media.files=2");

			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE restored");
			}
			Map<String, String> restoredDatabase = with(server, "PGDATABASE", "restored");
			Scripts.Run restore = Scripts.run(restoredDatabase, "restore-postgres.sh", "--media-dir", restoredMedia,
					backupDir);
			assertThat(restore.status()).as(restore.output()).isZero();

			Scripts.Run again = Scripts.run(restoredDatabase, "restore-postgres.sh", "--media-dir", restoredMedia,
					backupDir);
			assertThat(again.status()).as(again.output()).isEqualTo(1);
			assertThat(again.output()).contains("already holds a Shimbun schema", "--force");

			try (RunningSite site = RunningSite.start(settings(port, "restored", restoredMedia))) {
				Document article = site.page(RunningSite.ARTICLE);
				assertThat(article.text()).contains(RunningSite.ARTICLE_TEXT);
				Element restoredComment = article.getElementById(comment);
				assertThat(restoredComment).isNotNull();
				assertThat(restoredComment.selectFirst(".comment-nickname").text()).isEqualTo("読者D");
				assertThat(restoredComment.selectFirst(".comment-body").text()).isEqualTo("PostgreSQL でも残るはず");
				assertThat(site.fetchAsEditor(item.url())).isEqualTo(image);
				assertThat(site.fetchAsEditor(item.url() + "/640")).isNotEmpty();
			}
		}
	}

	private String[] settings(int port, String database, Path media) {
		return new String[] { "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/" + database,
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--shimbun.data-dir=" + this.temp.resolve("data"), "--shimbun.media.dir=" + media };
	}

	private static Map<String, String> with(Map<String, String> environment, String name, String value) {
		Map<String, String> all = new java.util.HashMap<>(environment);
		all.put(name, value);
		return all;
	}

}
