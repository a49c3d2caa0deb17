package dev.shimbun.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.ShimbunApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of the whole application, as behind a load balancer: each on a free port, all
 * on one database and one data directory, with the first admin {@code chief}, scheduled
 * jobs on (change polling among them) and the ranking and scheduled-article jobs slowed
 * to once an hour so that they stay out of a test's way.
 *
 * <pre class="code">
 * String url = TestDatabases.newPostgresDatabase();
 * Path data = Files.createTempDirectory("shimbun-cluster");
 * ConfigurableApplicationContext a = Instances.start(url, data, PASSWORD);
 * </pre>
 */
public final class Instances {

	private Instances() {
	}

	/**
	 * Starts one instance.
	 * @param sources configuration added to the application's (a test clock, say)
	 * @param arguments further settings, as command-line arguments
	 */
	public static ConfigurableApplicationContext start(String url, Path data, String password, Class<?>[] sources,
			String... arguments) {
		List<Class<?>> all = new ArrayList<>(List.of(ShimbunApplication.class));
		all.addAll(List.of(sources));
		List<String> settings = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
						"--spring.datasource.password=", "--shimbun.data-dir=" + data, "--shimbun.admin.username=chief",
						"--shimbun.admin.password=" + password, "--shimbun.scheduling.enabled=true",
						"--shimbun.views.ranking-interval=1h", "--shimbun.scheduling.article-interval=1h"));
		settings.addAll(List.of(arguments));
		return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(settings.toArray(String[]::new));
	}

	/** Starts one instance with the application's configuration alone. */
	public static ConfigurableApplicationContext start(String url, Path data, String password) {
		return start(url, data, password, new Class<?>[0]);
	}

	/**
	 * Where the instance answers, as a browser's origin: {@code http://localhost:port}.
	 */
	public static String origin(ConfigurableApplicationContext instance) {
		return "http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
