package dev.shimbun.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for tests:
 * <a href="https://github.com/gaul/s3proxy">S3Proxy</a> with its in-memory
 * ({@code transient-nio2}) blob store, started as a process of its own from the jar that
 * Maven copies to {@code target/s3proxy/s3proxy.jar} (the {@code s3proxy} execution of
 * the dependency plugin, at {@code process-test-resources}). It runs on Jetty 11, which
 * cannot share a class path with the application's Jetty 12. It listens on a free port of
 * 127.0.0.1, found from its log, and takes requests signed with {@link #ACCESS_KEY} and
 * {@link #SECRET_KEY}.
 *
 * <pre class="code">
 * S3Server s3 = S3Server.shared();
 * String bucket = s3.createBucket("media");
 * // the application started with s3.mediaSettings(bucket)
 * </pre>
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "shimbun-test";

	public static final String SECRET_KEY = "shimbun-test-secret";

	private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

	private static final Pattern LISTENING = Pattern
		.compile("Started ServerConnector@.*\\{127\\.0\\.0\\.1:([0-9]+)\\}");

	private static S3Server shared;

	private final Process process;

	private final URI endpoint;

	private final S3Client client;

	private S3Server(Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
		this.client = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
	}

	/**
	 * Starts a server with an empty store and waits until it listens.
	 * @param workDir a directory for its settings
	 */
	public static S3Server start(Path workDir) throws IOException, InterruptedException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath()
					+ " is missing: ./mvnw process-test-resources copies it (maven-dependency-plugin, execution s3proxy)");
		}
		Path settings = workDir.resolve("s3proxy.properties");
		Files.writeString(settings, """
				s3proxy.endpoint=http://127.0.0.1:0
				s3proxy.authorization=aws-v2-or-v4
				s3proxy.identity=%s
				s3proxy.credential=%s
				jclouds.provider=transient-nio2
				jclouds.identity=unused
				jclouds.credential=unused
				""".formatted(ACCESS_KEY, SECRET_KEY));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
				"--properties", settings.toString())
			.redirectErrorStream(true)
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		CompletableFuture<Integer> port = new CompletableFuture<>();
		List<String> log = new ArrayList<>();
		Thread reader = new Thread(() -> readLog(process, port, log), "s3proxy-log");
		reader.setDaemon(true);
		reader.start();
		try {
			return new S3Server(process, URI.create("http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS)));
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			synchronized (log) {
				throw new IllegalStateException("S3Proxy did not start:\n" + String.join("\n", log), ex);
			}
		}
	}

	/**
	 * One server for all the tests of this JVM, started by the first that asks and
	 * stopped when the JVM exits, so that it outlives the application contexts that the
	 * test framework caches. Tests keep apart by using buckets of their own.
	 */
	public static synchronized S3Server shared() {
		if (shared == null) {
			try {
				S3Server server = start(Files.createTempDirectory("shimbun-s3proxy"));
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						server.close();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
				shared = server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return shared;
	}

	/**
	 * Reads the server's output to its end, so that it never blocks on a full pipe, and
	 * tells the port it listens on.
	 */
	private static void readLog(Process process, CompletableFuture<Integer> port, List<String> log) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!port.isDone()) {
					synchronized (log) {
						log.add(line);
					}
					Matcher listening = LISTENING.matcher(line);
					if (listening.find()) {
						port.complete(Integer.valueOf(listening.group(1)));
					}
				}
			}
		}
		catch (IOException ex) {
			port.completeExceptionally(new UncheckedIOException(ex));
		}
		port.completeExceptionally(new IllegalStateException("S3Proxy exited"));
	}

	/** The URL of the server, for {@code shimbun.media.s3.endpoint}. */
	public URI endpoint() {
		return this.endpoint;
	}

	/** A client of the server, as the test's own eyes on the buckets. */
	public S3Client client() {
		return this.client;
	}

	/**
	 * Creates a bucket with a name that no other bucket of the server has, and returns
	 * it.
	 */
	public String createBucket(String prefix) {
		String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.createBucket((request) -> request.bucket(bucket));
		return bucket;
	}

	/** The names of the objects in a bucket, sorted. */
	public List<String> objects(String bucket) {
		return this.client.listObjectsV2Paginator((request) -> request.bucket(bucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.sorted()
			.toList();
	}

	/** The content of an object. */
	public byte[] object(String bucket, String key) {
		return this.client.getObjectAsBytes((request) -> request.bucket(bucket).key(key)).asByteArray();
	}

	/** The settings that keep the application's media in a bucket of this server. */
	public String[] mediaSettings(String bucket) {
		return new String[] { "shimbun.media.storage=s3", "shimbun.media.s3.bucket=" + bucket,
				"shimbun.media.s3.endpoint=" + this.endpoint, "shimbun.media.s3.path-style=true",
				"shimbun.media.s3.access-key=" + ACCESS_KEY, "shimbun.media.s3.secret-key=" + SECRET_KEY };
	}

	@Override
	public void close() throws InterruptedException {
		this.client.close();
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
