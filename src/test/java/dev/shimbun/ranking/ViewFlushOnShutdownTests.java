package dev.shimbun.ranking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import dev.shimbun.ShimbunApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Buffered counts are written when the application shuts down gracefully. */
class ViewFlushOnShutdownTests {

	@Test
	void bufferedCountsAreWrittenOnShutdown() throws Exception {
		String url = "jdbc:h2:file:./target/flush-on-shutdown/" + System.nanoTime() + "/shimbun";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShimbunApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url, "--shimbun.scheduling.enabled=false");
		ViewCounter counter = context.getBean(ViewCounter.class);
		counter.record("why-we-yawn", "reader-1");
		counter.record("why-we-yawn", "reader-2");
		counter.record("pig-kidney-transplant-ucla", "reader-1");
		assertThat(counter.pending()).isEqualTo(3);
		context.close();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				ResultSet result = connection.createStatement()
					.executeQuery(
							"SELECT SUM(view_count) FROM article WHERE slug IN ('why-we-yawn', 'pig-kidney-transplant-ucla')")) {
			result.next();
			assertThat(result.getLong(1)).isEqualTo(3);
		}
	}

}
