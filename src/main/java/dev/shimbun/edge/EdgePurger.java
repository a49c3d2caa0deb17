package dev.shimbun.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.pagecache.PagesDropped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops from the edge caches ({@code shimbun.edge.caches}) the pages this instance drops
 * from its own page cache, and the files of a changed media item: a {@code PURGE /} with
 * the tags in {@code xkey-purge} (must not be served again) or {@code xkey-softpurge}
 * (may be served stale while one request fetches it again), to every cache, as
 * deploy/varnish/shimbun.vcl expects (docs/edge-cache.md).
 * <p>
 * Every instance purges for the pages it drops, also for changes announced by another
 * instance: a page refetched after the first purge may still come from an instance that
 * had not dropped it yet, and that instance's own purge, after its drop, removes it.
 * <p>
 * Purges are sent from one thread of their own, never from the request or transaction
 * that caused them; the tags of drops that arrive while a purge is under way go out
 * together in the next one. A cache that does not answer within
 * {@code shimbun.edge.purge-timeout} or refuses is one WARN line, counted in
 * {@code shimbun.edge.purge.failures}; purges sent are counted in
 * {@code shimbun.edge.purges}.
 */
@Component
class EdgePurger implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EdgePurger.class);

	/**
	 * The longest list of tags in one header: Varnish refuses request headers longer than
	 * 8 KB by default ({@code http_req_hdr_len}).
	 */
	static final int LONGEST_HEADER = 4000;

	private final List<URI> caches;

	private final Duration timeout;

	private final HttpClient http;

	private final ExecutorService sender;

	private final Counter hardPurges;

	private final Counter softPurges;

	private final Counter failures;

	/** Tags not to be served again, waiting for the next purge. */
	private final Set<String> hard = new LinkedHashSet<>();

	/** Tags that may be served stale, waiting for the next purge. */
	private final Set<String> soft = new LinkedHashSet<>();

	/** Whether a purge is queued that will take the waiting tags. */
	private boolean queued;

	EdgePurger(ShimbunProperties properties, MeterRegistry registry) {
		this.caches = properties.edge().caches();
		this.timeout = properties.edge().purgeTimeout();
		this.sender = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "edge-purge");
			thread.setDaemon(true);
			return thread;
		});
		// none without caches to purge: making one sets up TLS (the trust store), a good
		// part of a second at start-up
		this.http = this.caches.isEmpty() ? null
				: HttpClient.newBuilder()
					.connectTimeout(this.timeout)
					.followRedirects(HttpClient.Redirect.NEVER)
					.build();
		this.hardPurges = Counter.builder("shimbun.edge.purges")
			.description("Purges sent to an edge cache")
			.tag("kind", "hard")
			.register(registry);
		this.softPurges = Counter.builder("shimbun.edge.purges")
			.description("Purges sent to an edge cache")
			.tag("kind", "soft")
			.register(registry);
		this.failures = Counter.builder("shimbun.edge.purge.failures")
			.description("Purges that an edge cache refused or did not answer in time")
			.register(registry);
	}

	@EventListener
	void pagesDropped(PagesDropped dropped) {
		purge(dropped.tags(), dropped.soft());
	}

	/** A changed or deleted media item: its files are not to be served again. */
	@EventListener
	void contentChanged(ContentChanged changed) {
		if (changed.topic() == Topic.MEDIA && changed.key() != null) {
			purge(Set.of(EdgeTags.media(changed.key())), false);
		}
	}

	/**
	 * Queues a purge of the tags from every edge cache; returns at once.
	 */
	void purge(Collection<String> tags, boolean stale) {
		if (this.caches.isEmpty() || tags.isEmpty()) {
			return;
		}
		synchronized (this) {
			(stale ? this.soft : this.hard).addAll(tags);
			if (this.queued) {
				return;
			}
			this.queued = true;
		}
		try {
			this.sender.execute(this::send);
		}
		catch (RuntimeException ex) {
			// shutting down
			logger.debug("Edge purge not sent: {}", ex.toString());
		}
	}

	private void send() {
		List<String> hardTags;
		List<String> softTags;
		synchronized (this) {
			this.queued = false;
			hardTags = new ArrayList<>(this.hard);
			this.soft.removeAll(this.hard);
			softTags = new ArrayList<>(this.soft);
			this.hard.clear();
			this.soft.clear();
		}
		List<CompletableFuture<?>> sent = new ArrayList<>();
		for (URI cache : this.caches) {
			for (String tags : headers(hardTags)) {
				sent.add(send(cache, "xkey-purge", tags, this.hardPurges));
			}
			for (String tags : headers(softTags)) {
				sent.add(send(cache, "xkey-softpurge", tags, this.softPurges));
			}
		}
		// one purge at a time: tags dropped meanwhile wait and go out together
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
	}

	private CompletableFuture<?> send(URI cache, String header, String tags, Counter counter) {
		HttpRequest request = HttpRequest.newBuilder(cache.resolve("/"))
			.method("PURGE", HttpRequest.BodyPublishers.noBody())
			.header(header, tags)
			.timeout(this.timeout)
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
			if (failure != null) {
				this.failures.increment();
				Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure;
				logger.warn("Edge cache {} not purged of {} ({}): {}", cache, tags, header, cause.toString());
			}
			else if (response.statusCode() != 200) {
				this.failures.increment();
				logger.warn("Edge cache {} refused the purge of {} ({}): status {}", cache, tags, header,
						response.statusCode());
			}
			else {
				counter.increment();
			}
			return null;
		});
	}

	/** The tags as values of one header each, space-separated, none too long. */
	static List<String> headers(List<String> tags) {
		List<String> headers = new ArrayList<>();
		StringBuilder header = new StringBuilder();
		for (String tag : tags) {
			if (header.length() > 0 && header.length() + 1 + tag.length() > LONGEST_HEADER) {
				headers.add(header.toString());
				header.setLength(0);
			}
			if (header.length() > 0) {
				header.append(' ');
			}
			header.append(tag);
		}
		if (header.length() > 0) {
			headers.add(header.toString());
		}
		return headers;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.sender.shutdown();
		this.sender.awaitTermination(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
	}

}
