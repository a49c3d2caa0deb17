package dev.shimbun.comment;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ContentChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The readers who have an article open, each on a Server-Sent Events stream, told when
 * its comments ({@code comments}) or reaction counts ({@code reactions}) change, on this
 * instance or another one (the cluster's {@link ContentChanged} announcements). An event
 * carries no content, only that something changed: the page's script then asks for the
 * comments section and the counts, which the page cache answers once for all of them.
 * <p>
 * Changes to one article within {@value #COALESCE_MILLIS} ms go out as one event, sent
 * from one thread of this component, never the thread that made the change. A stream that
 * cannot be written to is closed and forgotten; a heartbeat every 30 seconds finds those
 * that went away quietly. At most {@code shimbun.comments.live-streams} are open at once
 * on an instance.
 */
@Component
class CommentStreams {

	static final long COALESCE_MILLIS = 250;

	private static final Logger logger = LoggerFactory.getLogger(CommentStreams.class);

	private final Map<String, Set<SseEmitter>> bySlug = new ConcurrentHashMap<>();

	/** What is waiting to be sent, by article: the event names. Guarded by itself. */
	private final Map<String, Set<String>> pending = new HashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicLong sequence = new AtomicLong();

	private final int maxStreams;

	private final Duration timeout;

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "comment-streams");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * What an open stream keeps on the heap, measured with class histograms at 1 000 and
	 * 2 000 open streams (bench/live.sh): about 17 KB, Jetty's request, response and
	 * connection and the emitter, with some room.
	 */
	static final long HEAP_PER_STREAM = 24 * 1024;

	CommentStreams(ShimbunProperties properties, MeterRegistry meters) {
		int configured = properties.comments().liveStreams();
		this.maxStreams = (configured > 0) ? configured
				: (int) Math.max(1, Runtime.getRuntime().maxMemory() / 4 / HEAP_PER_STREAM);
		logger.info("Live comment streams: at most {} open at once on this instance", this.maxStreams);
		this.timeout = properties.comments().liveStreamTimeout();
		Gauge.builder("shimbun.comments.live.streams", this.open, AtomicInteger::get)
			.description("Live-comment streams open on this instance")
			.register(meters);
	}

	/**
	 * Opens a stream for a reader of the article.
	 * @return the stream, or null when this instance holds as many as it may
	 */
	SseEmitter open(String slug) throws IOException {
		if (this.open.incrementAndGet() > this.maxStreams) {
			this.open.decrementAndGet();
			return null;
		}
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		Set<SseEmitter> readers = this.bySlug.computeIfAbsent(slug, (key) -> ConcurrentHashMap.newKeySet());
		readers.add(emitter);
		Runnable forget = () -> forget(slug, emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((error) -> forget.run());
		// sent at once, so that the browser knows the stream is open (and how long to
		// wait
		// before it opens a new one)
		emitter.send(SseEmitter.event().comment("open").reconnectTime(5000));
		return emitter;
	}

	/** How many streams are open on this instance. */
	int openStreams() {
		return this.open.get();
	}

	private void forget(String slug, SseEmitter emitter) {
		Set<SseEmitter> readers = this.bySlug.get(slug);
		if (readers != null && readers.remove(emitter)) {
			this.open.decrementAndGet();
			if (readers.isEmpty()) {
				this.bySlug.remove(slug, readers);
			}
		}
	}

	/** After the page cache dropped what the change made out of date. */
	@EventListener
	@Order(ContentChanged.PAGES + 100)
	void onChange(ContentChanged change) {
		String event = switch (change.topic()) {
			case COMMENTS, COMMENTS_REMOVED -> "comments";
			case REACTIONS -> "reactions";
			default -> null;
		};
		if (event == null) {
			return;
		}
		if (change.key() == null) {
			// every article's comments (their order, say)
			this.bySlug.keySet().forEach((slug) -> announce(slug, event));
		}
		else if (this.bySlug.containsKey(change.key())) {
			announce(change.key(), event);
		}
	}

	private void announce(String slug, String event) {
		boolean first;
		synchronized (this.pending) {
			Set<String> events = this.pending.get(slug);
			first = events == null;
			if (first) {
				events = new HashSet<>();
				this.pending.put(slug, events);
			}
			events.add(event);
		}
		if (first) {
			this.sender.schedule(() -> send(slug), COALESCE_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private void send(String slug) {
		Set<String> events;
		synchronized (this.pending) {
			events = this.pending.remove(slug);
		}
		Set<SseEmitter> readers = this.bySlug.get(slug);
		if (events == null || readers == null) {
			return;
		}
		// comments that changed mean new counts too: the script asks for both
		String event = events.contains("comments") ? "comments" : "reactions";
		String id = String.valueOf(this.sequence.incrementAndGet());
		for (SseEmitter emitter : new HashSet<>(readers)) {
			try {
				emitter.send(SseEmitter.event().name(event).id(id).data(id));
			}
			catch (IOException | IllegalStateException ex) {
				forget(slug, emitter);
				emitter.completeWithError(ex);
			}
		}
	}

	/** Finds streams whose reader went away without closing them. */
	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void heartbeat() {
		this.sender.execute(() -> this.bySlug.forEach((slug, readers) -> {
			for (SseEmitter emitter : new HashSet<>(readers)) {
				try {
					emitter.send(SseEmitter.event().comment("ping"));
				}
				catch (IOException | IllegalStateException ex) {
					forget(slug, emitter);
					emitter.completeWithError(ex);
				}
			}
		}));
	}

	/**
	 * Ends every stream as the application begins to stop, before the web server waits
	 * for open requests to finish: the browsers open new ones, on another instance if
	 * there is one.
	 */
	@EventListener(ContextClosedEvent.class)
	@PreDestroy
	void close() {
		this.sender.shutdownNow();
		this.bySlug.forEach((slug, readers) -> new HashSet<>(readers).forEach((emitter) -> {
			forget(slug, emitter);
			try {
				emitter.complete();
			}
			catch (RuntimeException ex) {
				logger.debug("A comment stream was already gone: {}", ex.getMessage());
			}
		}));
	}

}
