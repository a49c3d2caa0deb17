package dev.shimbun.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.pagecache.PagesDropped;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The purges sent to the edge caches, received by small HTTP servers standing in for
 * Varnish.
 */
class EdgePurgerTests {

	private final List<HttpServer> servers = new ArrayList<>();

	private final List<EdgePurger> purgers = new ArrayList<>();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	/** A purge as a cache received it. */
	record Purge(String method, String path, String header, String tags) {
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (EdgePurger purger : this.purgers) {
			purger.destroy();
		}
		this.servers.forEach((server) -> server.stop(0));
	}

	@Test
	void pagesDroppedWhenNotSoftThenPurgeWithXkeyPurge() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		EdgePurger purger = purger(cache(received, 200));
		purger.pagesDropped(new PagesDropped(Set.of("page-why-we-yawn"), false));
		assertThat(received.poll(5, TimeUnit.SECONDS))
			.isEqualTo(new Purge("PURGE", "/", "xkey-purge", "page-why-we-yawn"));
		await().atMost(Duration.ofSeconds(5)).until(() -> count("shimbun.edge.purges", "hard") == 1);
	}

	@Test
	void pagesDroppedWhenSoftThenPurgeWithXkeySoftpurge() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		EdgePurger purger = purger(cache(received, 200));
		purger.pagesDropped(new PagesDropped(Set.of("index"), true));
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Purge("PURGE", "/", "xkey-softpurge", "index"));
		await().atMost(Duration.ofSeconds(5)).until(() -> count("shimbun.edge.purges", "soft") == 1);
	}

	@Test
	void pagesDroppedThenEveryCacheIsPurged() throws Exception {
		BlockingQueue<Purge> first = new LinkedBlockingQueue<>();
		BlockingQueue<Purge> second = new LinkedBlockingQueue<>();
		EdgePurger purger = purger(cache(first, 200), cache(second, 200));
		purger.pagesDropped(new PagesDropped(Set.of("page-hybe-idol"), false));
		assertThat(first.poll(5, TimeUnit.SECONDS).tags()).isEqualTo("page-hybe-idol");
		assertThat(second.poll(5, TimeUnit.SECONDS).tags()).isEqualTo("page-hybe-idol");
	}

	@Test
	void mediaChangedThenItsFilesArePurged() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		EdgePurger purger = purger(cache(received, 200));
		purger.contentChanged(new ContentChanged(Topic.MEDIA, "42", false));
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Purge("PURGE", "/", "xkey-purge", "media-42"));
	}

	@Test
	void otherContentChangedThenNothingIsPurgedForIt() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		EdgePurger purger = purger(cache(received, 200));
		purger.contentChanged(new ContentChanged(Topic.ARTICLE, "42", true));
		purger.pagesDropped(new PagesDropped(Set.of("page-marker"), false));
		// purges go out in order, so the marker comes first if nothing was sent for the
		// article
		assertThat(received.poll(5, TimeUnit.SECONDS).tags()).isEqualTo("page-marker");
	}

	/**
	 * While one purge is under way, the drops that arrive go out together in the next,
	 * hard tags as hard, soft as soft, a tag dropped both ways as hard.
	 */
	@Test
	void dropsDuringAPurgeThenSentTogetherInTheNext() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch arrived = new CountDownLatch(1);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			received.add(purge(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders()
						.entrySet()
						.stream()
						.collect(LinkedHashMap::new,
								(map, entry) -> map.put(entry.getKey().toLowerCase(), entry.getValue().get(0)),
								Map::putAll)));
			arrived.countDown();
			try {
				release.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		this.servers.add(server);
		EdgePurger purger = purger("http://127.0.0.1:" + server.getAddress().getPort());
		purger.pagesDropped(new PagesDropped(Set.of("page-one"), false));
		assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
		purger.pagesDropped(new PagesDropped(Set.of("page-two"), false));
		purger.pagesDropped(new PagesDropped(Set.of("index", "page-three"), true));
		purger.pagesDropped(new PagesDropped(Set.of("page-three"), false));
		release.countDown();
		assertThat(received.poll(5, TimeUnit.SECONDS).tags()).isEqualTo("page-one");
		List<Purge> next = List.of(received.poll(5, TimeUnit.SECONDS), received.poll(5, TimeUnit.SECONDS));
		assertThat(next).extracting(Purge::header).containsExactlyInAnyOrder("xkey-purge", "xkey-softpurge");
		Purge hard = next.stream().filter((purge) -> purge.header().equals("xkey-purge")).findFirst().orElseThrow();
		Purge soft = next.stream().filter((purge) -> purge.header().equals("xkey-softpurge")).findFirst().orElseThrow();
		assertThat(Set.of(hard.tags().split(" "))).containsExactlyInAnyOrder("page-two", "page-three");
		assertThat(soft.tags()).isEqualTo("index");
		assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void cacheRefusesThenCountedAndNothingThrown() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		EdgePurger purger = purger(cache(received, 403));
		assertThatNoException().isThrownBy(() -> purger.pagesDropped(new PagesDropped(Set.of("all"), false)));
		await().atMost(Duration.ofSeconds(5)).until(() -> failures() == 1);
		assertThat(count("shimbun.edge.purges", "hard")).isZero();
	}

	@Test
	void cacheUnreachableThenCountedAndNothingThrown() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		EdgePurger purger = purger("http://127.0.0.1:" + closed);
		assertThatNoException().isThrownBy(() -> purger.pagesDropped(new PagesDropped(Set.of("all"), true)));
		await().atMost(Duration.ofSeconds(5)).until(() -> failures() == 1);
	}

	@Test
	void noCachesThenNothingIsSent() throws Exception {
		BlockingQueue<Purge> received = new LinkedBlockingQueue<>();
		cache(received, 200);
		EdgePurger purger = purger();
		purger.pagesDropped(new PagesDropped(Set.of("all"), false));
		purger.destroy();
		assertThat(received).isEmpty();
		assertThat(count("shimbun.edge.purges", "hard")).isZero();
	}

	@Test
	void manyTagsThenSplitIntoHeadersVarnishAccepts() {
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			tags.add("links-an-article-with-a-long-slug-" + i);
		}
		List<String> headers = EdgePurger.headers(tags);
		assertThat(headers).hasSizeGreaterThan(1).allMatch((header) -> header.length() <= EdgePurger.LONGEST_HEADER);
		assertThat(String.join(" ", headers).split(" ")).containsExactlyElementsOf(tags);
	}

	private String cache(BlockingQueue<Purge> received, int status) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			received.add(purge(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		this.servers.add(server);
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static Purge purge(String method, String path, Map<String, String> headers) {
		String header = headers.containsKey("xkey-purge") ? "xkey-purge"
				: headers.containsKey("xkey-softpurge") ? "xkey-softpurge" : null;
		return new Purge(method, path, header, (header != null) ? headers.get(header) : null);
	}

	private EdgePurger purger(String... caches) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("shimbun.edge.caches", String.join(",", caches));
		settings.put("shimbun.edge.purge-timeout", "1s");
		ShimbunProperties properties = new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shimbun",
				ShimbunProperties.class);
		EdgePurger purger = new EdgePurger(properties, this.registry);
		this.purgers.add(purger);
		return purger;
	}

	private double count(String name, String kind) {
		return this.registry.get(name).tag("kind", kind).counter().count();
	}

	private double failures() {
		return this.registry.get("shimbun.edge.purge.failures").counter().count();
	}

}
