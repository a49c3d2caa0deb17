package dev.shimbun.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.shimbun.ShimbunApplication;

/**
 * The application in a JVM of its own, started as an operator starts it (production
 * settings, the embedded H2 database in files under a data directory), so that a test can
 * kill it as {@code kill -9} would and start it again on the same data.
 */
final class ChildApplication implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ChildApplication(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application on a data directory and waits until it is ready. Its output
	 * goes to {@code name.log} in the data directory's parent.
	 */
	static ChildApplication start(Path dataDir, String name, String... settings) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						applicationClassPath(), ShimbunApplication.class.getName(),
						// the main application.properties only: the tests' own
						// configuration on
						// the class path would choose an in-memory database
						"--spring.config.location=classpath:/application.properties", "--server.port=" + port,
						"--shimbun.data-dir=" + dataDir, "--shimbun.site.base-url=http://localhost:" + port,
						"--spring.main.banner-mode=off"));
		command.addAll(Arrays.asList(settings));
		Path log = dataDir.resolveSibling(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// only the command line decides where the data is
		for (String variable : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "SHIMBUN_DATA_DIR", "SPRING_PROFILES_ACTIVE", "SPRING_CONFIG_LOCATION")) {
			builder.environment().remove(variable);
		}
		ChildApplication child = new ChildApplication(builder.start(), port, log);
		try {
			child.awaitReady();
		}
		catch (Exception | AssertionError ex) {
			child.process.destroyForcibly().waitFor();
			throw ex;
		}
		return child;
	}

	/**
	 * The class path of the application: this JVM's, without the tests' classes and
	 * resources.
	 */
	private static String applicationClassPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void awaitReady() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (true) {
			if (!this.process.isAlive()) {
				throw new AssertionError("The application exited during start-up:\n" + logTail());
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The application was not ready within 3 minutes:\n" + logTail());
			}
			// polling readiness, not coordinating threads
			Thread.sleep(200);
		}
	}

	int port() {
		return this.port;
	}

	String origin() {
		return "http://localhost:" + this.port;
	}

	URI uri(String path) {
		return URI.create(origin() + path);
	}

	/** Kills the JVM at once, as {@code kill -9} does, and waits until it is gone. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
			throw new AssertionError("The killed application did not end");
		}
	}

	/** Stops the application as a deployment does (SIGTERM: graceful shutdown). */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
			this.process.destroyForcibly().waitFor();
			throw new AssertionError("The application did not stop within 2 minutes:\n" + logTail());
		}
	}

	/** The end of the application's output, for failure messages. */
	String logTail() {
		try {
			List<String> lines = new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
