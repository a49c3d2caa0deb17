package dev.shimbun.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One computation of the most-read articles: site-wide for the last 24 hours (falling
 * back to 7 days when too few were read) and for 7 days, and per category. Immutable;
 * pages read the latest one without touching the database.
 */
record Rankings(Instant computedAt, List<RankedArticle> topDay, List<RankedArticle> topWeek,
		Map<Long, List<RankedArticle>> topByCategory) {

	static Rankings empty() {
		return new Rankings(Instant.EPOCH, List.of(), List.of(), Map.of());
	}

	List<RankedArticle> inCategory(Long categoryId) {
		return this.topByCategory.getOrDefault(categoryId, List.of());
	}

}
