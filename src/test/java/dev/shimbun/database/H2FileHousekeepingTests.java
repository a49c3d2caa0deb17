package dev.shimbun.database;

import java.nio.file.Path;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code WRITE_DELAY=0} every commit leaves a chunk in the file that H2 alone never
 * frees; the housekeeping rewrites their live pages so that they are freed.
 */
class H2FileHousekeepingTests {

	private static final int NOTES = 3000;

	@TempDir
	Path temp;

	@Test
	void compactingFreesTheChunksThatSmallCommitsLeaveBehind() {
		String url = "jdbc:h2:file:" + this.temp.resolve("housekeeping") + ";WRITE_DELAY=0";
		// one connection throughout, so that the database stays open
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
		H2FileSync sync = new H2FileSync(url, "sa", "");
		try {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			// chunks may be rewritten and freed at once, not 45 seconds after they were
			// written
			jdbc.execute("SET RETENTION_TIME 0");
			jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, client VARCHAR(64), body VARCHAR(64))");
			// indexes on random keys, as comments have on the client's hash: each insert
			// changes some leaf of each, which then stays as it is for a while and keeps
			// the rest of its chunk from being freed
			jdbc.execute("CREATE INDEX note_client ON note (client)");
			jdbc.execute("CREATE INDEX note_body ON note (body)");
			for (int i = 0; i < NOTES; i++) {
				// one commit each, as readers' comments are
				jdbc.update("INSERT INTO note VALUES (?, ?, ?)", i, UUID.randomUUID().toString(),
						UUID.randomUUID().toString());
			}
			long before = chunks(jdbc);
			H2FileHousekeeping housekeeping = new H2FileHousekeeping(dataSource, true,
					new DurableCommits(sync, new SimpleMeterRegistry()));
			for (int run = 0; run < 50 && housekeeping.compact(); run++) {
				// as the schedule would, until nothing is left to rewrite
			}
			// the next commit drops the chunks that are no longer used
			jdbc.update("INSERT INTO note VALUES (?, 'last', 'last')", NOTES);
			long after = chunks(jdbc);
			assertThat(before).isGreaterThan(200);
			assertThat(after).as("chunks after compacting, of %d", before).isLessThan(before / 4);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Long.class)).isEqualTo(NOTES + 1);
		}
		finally {
			sync.close();
			dataSource.destroy();
		}
	}

	private static long chunks(JdbcTemplate jdbc) {
		return Long.parseLong(jdbc.queryForObject(
				"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'",
				String.class));
	}

}
