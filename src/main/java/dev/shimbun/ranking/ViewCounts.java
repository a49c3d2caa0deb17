package dev.shimbun.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads counted in memory and not yet written: views per article (by slug) and hour, and
 * which reader (hashed) read which article on which day of the site's zone. Reads may be
 * added from many threads at once.
 */
final class ViewCounts {

	private final Map<HourKey, LongAdder> views = new ConcurrentHashMap<>();

	private final Set<Read> reads = ConcurrentHashMap.newKeySet();

	/** One read of an article in the hour that starts at {@code hour}, on {@code day}. */
	void add(String slug, String readerHash, Instant hour, LocalDate day) {
		this.views.computeIfAbsent(new HourKey(slug, hour), (key) -> new LongAdder()).increment();
		this.reads.add(new Read(readerHash, day, slug));
	}

	/** Adds the reads of others (that could not be written) to these. */
	void addAll(ViewCounts others) {
		others.views.forEach((key, count) -> this.views.computeIfAbsent(key, (k) -> new LongAdder()).add(count.sum()));
		this.reads.addAll(others.reads);
	}

	boolean isEmpty() {
		return this.views.isEmpty() && this.reads.isEmpty();
	}

	/** The views counted, all articles and hours together. */
	long total() {
		return this.views.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/** How many article and hour pairs have views. */
	int hours() {
		return this.views.size();
	}

	/** The articles with views. */
	Set<String> viewed() {
		Set<String> slugs = new HashSet<>();
		this.views.keySet().forEach((key) -> slugs.add(key.slug()));
		return slugs;
	}

	/** The articles with views or reads. */
	Set<String> slugs() {
		Set<String> slugs = viewed();
		this.reads.forEach((read) -> slugs.add(read.slug()));
		return slugs;
	}

	Map<HourKey, LongAdder> views() {
		return this.views;
	}

	Set<Read> reads() {
		return this.reads;
	}

	/** An article's views in the hour that starts at {@code hour}. */
	record HourKey(String slug, Instant hour) {
	}

	/** A reader read an article on a day. */
	record Read(String readerHash, LocalDate day, String slug) {
	}

}
