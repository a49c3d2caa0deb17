package dev.shimbun.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads counted in memory and not yet written: each view (which reader, hashed, read
 * which article, by slug, and when), and which reader read which article on which day of
 * the site's zone. The views are kept one by one, not summed, because the flush counts
 * each only if no instance counted the same reader and article within the dedupe window
 * ({@link ViewStore}). Reads may be added from many threads at once.
 */
final class ViewCounts {

	private final Queue<View> views = new ConcurrentLinkedQueue<>();

	private final LongAdder total = new LongAdder();

	private final Set<Read> reads = ConcurrentHashMap.newKeySet();

	/** One read of an article at {@code at}, on {@code day}. */
	void add(String slug, String readerHash, Instant at, LocalDate day) {
		this.views.add(new View(slug, readerHash, at));
		this.total.increment();
		this.reads.add(new Read(readerHash, day, slug));
	}

	/** Adds the reads of others (that could not be written) to these. */
	void addAll(ViewCounts others) {
		this.views.addAll(others.views);
		this.total.add(others.total.sum());
		this.reads.addAll(others.reads);
	}

	boolean isEmpty() {
		return this.views.isEmpty() && this.reads.isEmpty();
	}

	/** The views counted, all articles together. */
	long total() {
		return this.total.sum();
	}

	/** The articles with views. */
	Set<String> viewed() {
		Set<String> slugs = new HashSet<>();
		this.views.forEach((view) -> slugs.add(view.slug()));
		return slugs;
	}

	/** The articles with views or reads. */
	Set<String> slugs() {
		Set<String> slugs = viewed();
		this.reads.forEach((read) -> slugs.add(read.slug()));
		return slugs;
	}

	List<View> views() {
		return new ArrayList<>(this.views);
	}

	Set<Read> reads() {
		return this.reads;
	}

	/** A reader's view of an article at a moment. */
	record View(String slug, String readerHash, Instant at) {
	}

	/** A reader read an article on a day. */
	record Read(String readerHash, LocalDate day, String slug) {
	}

}
