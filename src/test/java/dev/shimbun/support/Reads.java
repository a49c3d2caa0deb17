package dev.shimbun.support;

import java.util.List;

import dev.shimbun.ranking.ReadFixture;

import org.springframework.context.ApplicationContext;

/**
 * Reads of article pages by one reader, counted by the application's view counter and
 * written at once (as its next flush would), on the day of the application's clock: view
 * counts, hourly buckets and which articles the reader read together.
 *
 * <pre class="code">
 * Reads.by("reader-1").of("why-we-yawn", "boys-help-stray-dog").save(context);
 * </pre>
 */
public final class Reads {

	private final String reader;

	private List<String> slugs = List.of();

	private Reads(String reader) {
		this.reader = reader;
	}

	/** Reads by the reader with this hash (as the view counter keeps readers). */
	public static Reads by(String readerHash) {
		return new Reads(readerHash);
	}

	/** The articles read, by slug. */
	public Reads of(String... slugs) {
		this.slugs = List.of(slugs);
		return this;
	}

	/** Counts the reads and writes them with the services of the given context. */
	public void save(ApplicationContext context) {
		ReadFixture.record(context, this.reader, this.slugs);
	}

}
