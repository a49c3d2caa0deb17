package dev.shimbun.database;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without statistics H2 gives every column the same selectivity (50) and can then choose
 * a poor index; the statistics job measures them.
 */
class H2StatisticsTests {

	@Test
	void updatingMeasuresHowSelectiveEachColumnIs() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:statistics", "sa", "",
				true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, slug VARCHAR(20) UNIQUE, status VARCHAR(20))");
			jdbc.update("INSERT INTO note SELECT X, 'note-' || X, CASE WHEN MOD(X, 2) = 0 THEN 'A' ELSE 'B' END "
					+ "FROM SYSTEM_RANGE(1, 1000)");
			assertThat(selectivity(jdbc, "SLUG")).isEqualTo(50);

			assertThat(new H2Statistics(jdbc, true).update()).isTrue();

			assertThat(selectivity(jdbc, "SLUG")).isEqualTo(100);
			assertThat(selectivity(jdbc, "STATUS")).isLessThan(5);
		}
		finally {
			dataSource.destroy();
		}
	}

	@Test
	void nothingIsDoneOnAnotherDatabase() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:other", "sa", "", true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("CREATE TABLE note (id INT PRIMARY KEY, slug VARCHAR(20) UNIQUE)");
			jdbc.update("INSERT INTO note SELECT X, 'note-' || X FROM SYSTEM_RANGE(1, 100)");

			assertThat(new H2Statistics(jdbc, false).update()).isFalse();

			assertThat(selectivity(jdbc, "SLUG")).isEqualTo(50);
		}
		finally {
			dataSource.destroy();
		}
	}

	private static int selectivity(JdbcTemplate jdbc, String column) {
		return jdbc.queryForObject(
				"SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS " + "WHERE TABLE_NAME = 'NOTE' AND COLUMN_NAME = ?",
				Integer.class, column);
	}

}
