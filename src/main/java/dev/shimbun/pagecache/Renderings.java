package dev.shimbun.pagecache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.shimbun.ShimbunProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * One rendering at a time of a page that is not kept: the first request asking for it
 * renders it, and the requests asking for it meanwhile wait for that rendering, up to
 * {@link #WAIT}, instead of all rendering it at once. Stale pages, which readers are
 * served meanwhile, are rendered again only so many at a time
 * ({@code shimbun.pages.stale-renderings}). Counts the renderings, and times those of
 * stale pages (which no request's time includes).
 */
@Component
class Renderings {

	/** The longest a request waits for another one rendering the same page. */
	static final Duration WAIT = Duration.ofSeconds(10);

	private final Map<PageKey, CompletableFuture<CachedPage>> running = new ConcurrentHashMap<>();

	private final Map<String, Counter> renders;

	/** Told each time a request starts waiting for another's rendering. */
	private volatile Runnable onWait = () -> {
	};

	/** Told each time a rendering of a stale page ends. */
	private volatile Runnable onStaleRendered = () -> {
	};

	/** The renderings of stale pages that may run now. */
	private final Semaphore staleRenderings;

	/** How long renderings of stale pages take, after their requests were answered. */
	private final Timer staleRenderingTime;

	Renderings(ShimbunProperties properties, MeterRegistry meters) {
		this.staleRenderings = new Semaphore(properties.pages().staleRenderingsAtOnce());
		this.staleRenderingTime = Timer.builder("shimbun.pages.stale.renderings")
			.description("Stale pages rendered again, each after the request that found it stale was answered with it")
			.register(meters);
		this.renders = Map.of("article", renders(meters, "article"), "front", renders(meters, "front"), "other",
				renders(meters, "other"));
	}

	private static Counter renders(MeterRegistry meters, String page) {
		return Counter.builder("shimbun.pages.renders")
			.description("Public pages rendered for the page cache (the others are served from memory)")
			.tag("page", page)
			.register(meters);
	}

	/**
	 * Claims the rendering of a page.
	 * @param mine what this request's rendering is to complete
	 * @return the rendering another request started, or {@code null} when this request is
	 * to render the page (and then to call {@link #rendered})
	 */
	CompletableFuture<CachedPage> claim(PageKey key, CompletableFuture<CachedPage> mine) {
		return this.running.putIfAbsent(key, mine);
	}

	/**
	 * Claims the rendering of a stale page, if fewer than
	 * {@code shimbun.pages.stale-renderings} are running: a reader served the stale page
	 * instead loses nothing, while more renderings at once than the processors would only
	 * make each of them, and every reader behind them, slower.
	 * @return whether this request is to render the page (and then to call
	 * {@link #rendered} and {@link #staleRendered})
	 */
	boolean claimStale(PageKey key, CompletableFuture<CachedPage> mine) {
		if (!this.staleRenderings.tryAcquire()) {
			return false;
		}
		if (claim(key, mine) != null) {
			this.staleRenderings.release();
			return false;
		}
		return true;
	}

	/**
	 * Whether a request for this stale page now would be served it as it is, without
	 * rendering it: it is being rendered, or as many stale pages as allowed are. A
	 * rendering may end just after; the page is then served stale once more.
	 */
	boolean wouldServeStale(PageKey key) {
		return this.running.containsKey(key) || this.staleRenderings.availablePermits() == 0;
	}

	/**
	 * Ends a rendering of a stale page claimed by {@link #claimStale}.
	 * @param nanos how long it took
	 */
	void staleRendered(long nanos) {
		this.staleRenderings.release();
		this.staleRenderingTime.record(nanos, TimeUnit.NANOSECONDS);
		this.onStaleRendered.run();
	}

	/**
	 * Waits for the rendering another request started.
	 * @return its page, or {@code null} when it is not to be shared (not kept, failed, or
	 * too slow): then this request renders the page for itself
	 */
	CachedPage await(CompletableFuture<CachedPage> rendering) {
		this.onWait.run();
		try {
			return rendering.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	/**
	 * Ends a claimed rendering.
	 * @param page what the waiting requests serve, or {@code null} when they should
	 * render for themselves
	 */
	void rendered(PageKey key, CompletableFuture<CachedPage> mine, CachedPage page) {
		this.renders.get(kind(key)).increment();
		this.running.remove(key, mine);
		mine.complete(page);
	}

	/** How many pages were rendered for the cache. */
	double count() {
		return this.renders.values().stream().mapToDouble(Counter::count).sum();
	}

	/** The kind of page a key is, as the counter tells them apart. */
	private static String kind(PageKey key) {
		if (key.article() != null) {
			return "article";
		}
		return "/".equals(key.value()) ? "front" : "other";
	}

	/**
	 * Runs a task each time a rendering of a stale page ends, the page kept (tests: a
	 * request's answer arrives before it).
	 */
	void onStaleRendered(Runnable task) {
		this.onStaleRendered = task;
	}

	/** Runs a task each time a request starts waiting for another's rendering (tests). */
	void onWait(Runnable task) {
		this.onWait = task;
	}

}
