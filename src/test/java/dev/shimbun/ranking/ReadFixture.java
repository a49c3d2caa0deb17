package dev.shimbun.ranking;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * Records reads for tests through the view counter, and writes them at once. The entry
 * point of {@link dev.shimbun.support.Reads} to what this package keeps to itself.
 */
public final class ReadFixture {

	private ReadFixture() {
	}

	public static void record(ApplicationContext context, String readerHash, List<String> slugs) {
		ViewCounter counter = context.getBean(ViewCounter.class);
		slugs.forEach((slug) -> counter.record(slug, readerHash));
		counter.flush();
	}

	/** Writes the reads the context's view counter holds, as its next flush would. */
	public static void flush(ApplicationContext context) {
		context.getBean(ViewCounter.class).flush();
	}

	/** How many reads the context's view counter holds, not yet written. */
	public static long pending(ApplicationContext context) {
		return context.getBean(ViewCounter.class).pending();
	}

}
