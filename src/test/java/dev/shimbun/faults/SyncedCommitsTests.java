package dev.shimbun.faults;

import dev.shimbun.ShimbunApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * On the embedded H2 database in files, the application's transactions that write return
 * only after the database file was synced to the disk (a sync that started after their
 * commit): the group commit is wired to the transaction manager Spring Boot configures,
 * also for the transactions the services open themselves.
 */
class SyncedCommitsTests {

	@Test
	void writesReturnAfterASyncThatStartedAfterTheirCommit() throws Exception {
		String url = "jdbc:h2:file:./target/synced-commits/" + System.nanoTime()
				+ "/shimbun;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShimbunApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--shimbun.scheduling.enabled=false",
				"--spring.main.banner-mode=off");
		try {
			PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
			assertThat(((ConfigurableTransactionManager) transactionManager).getTransactionExecutionListeners())
				.anyMatch((listener) -> listener.getClass().getSimpleName().equals("DurableCommits"));

			// a transaction of the application's transaction manager
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			double before = syncs(context);
			new TransactionTemplate(transactionManager)
				.executeWithoutResult((status) -> jdbc.update("UPDATE article SET headline = headline WHERE id = 1"));
			assertThat(syncs(context)).isGreaterThanOrEqualTo(before + 1);

			// a reader's comment, through the controller and the service's own
			// transaction
			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
				.apply(springSecurity())
				.build();
			before = syncs(context);
			MockHttpServletResponse response = mvc
				.perform(post("/articles/us-japan-extended-deterrence-dialogue-barksdale-b52/comments")
					.header("Origin", "http://localhost:8080")
					.param("nickname", "同期")
					.param("body", "保存が確かめられてから返事が来る"))
				.andReturn()
				.getResponse();
			assertThat(response.getRedirectedUrl()).contains("?comment=posted#comment-");
			assertThat(syncs(context)).isGreaterThanOrEqualTo(before + 1);
		}
		finally {
			context.close();
		}
	}

	private static double syncs(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class).get("shimbun.database.syncs").timer().count();
	}

}
