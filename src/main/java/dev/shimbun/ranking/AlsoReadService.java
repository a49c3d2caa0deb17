package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleVisibility;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * こんな記事も読まれています, computed per article from co-reads (readers who read this article and
 * others on the same day), falling back to the same category and shared headline terms,
 * and kept for a few minutes.
 */
@Service
class AlsoReadService {

	private static final String VISIBLE = ArticleVisibility.sql("?");

	private static final RowMapper<RankedArticle> RANKED = (row, n) -> new RankedArticle(row.getLong("id"),
			row.getString("slug"), row.getString("headline"), row.getLong("category_id"),
			row.getString("category_name"), row.getLong("views"));

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final Cache<Long, List<RankedArticle>> alsoRead;

	AlsoReadService(JdbcTemplate jdbc, Clock clock, ShimbunProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.alsoRead = Caffeine.newBuilder()
			.maximumSize(50_000)
			.expireAfterWrite(Duration.ofMinutes(5))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.alsoRead, "also-read");
	}

	/**
	 * The most-read lists recomputed (here or on another instance), or an article edited,
	 * published or hidden: the co-reads kept in memory are computed again when next asked
	 * for.
	 */
	@EventListener
	@Order(ContentChanged.RELOAD)
	void onChange(ContentChanged change) {
		if (change.topic() == Topic.RANKINGS || change.topic() == Topic.ARTICLE
				|| change.topic() == Topic.ARTICLE_EDITED) {
			this.alsoRead.invalidateAll();
		}
	}

	/**
	 * Articles that readers of this one also read on the same day in the last week, most
	 * shared first; then articles of the same category, then others, that share the most
	 * headline terms. Never the article itself, never an unpublished one.
	 */
	List<RankedArticle> alsoRead(Long articleId, int limit) {
		List<RankedArticle> found = this.alsoRead.get(articleId, (id) -> compute(id, Math.max(limit, 8)));
		return found.stream().limit(limit).toList();
	}

	private List<RankedArticle> compute(Long articleId, int limit) {
		Instant now = this.clock.instant();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		LocalDate since = now.atZone(this.zone).toLocalDate().minusDays(7);
		List<RankedArticle> result = new ArrayList<>(this.jdbc.query("""
				SELECT a.id, a.slug, a.headline, a.category_id, c.name AS category_name, COUNT(*) AS views
				FROM reader_read r1
				JOIN reader_read r2 ON r2.reader_hash = r1.reader_hash AND r2.read_day = r1.read_day
				JOIN article a ON a.id = r2.article_id
				JOIN category c ON c.id = a.category_id
				WHERE r1.article_id = ? AND r1.read_day >= ? AND r2.article_id <> r1.article_id AND %s
				GROUP BY a.id, a.slug, a.headline, a.category_id, c.name
				ORDER BY views DESC, a.id DESC
				FETCH FIRST %d ROWS ONLY
				""".formatted(VISIBLE, limit), RANKED, articleId, since, at, at));
		if (result.size() < limit) {
			Set<Long> seen = new HashSet<>();
			result.forEach((article) -> seen.add(article.id()));
			sameCategoryByTerms(articleId, at).stream()
				.filter((article) -> seen.add(article.id()))
				.limit(limit - result.size())
				.forEach(result::add);
		}
		return List.copyOf(result);
	}

	/**
	 * Recent articles ranked for their likeness to this one: the same category first,
	 * then the most shared headline terms, then the newest.
	 */
	private List<RankedArticle> sameCategoryByTerms(Long articleId, OffsetDateTime at) {
		List<RankedArticle> own = this.jdbc.query("""
				SELECT a.id, a.slug, a.headline, a.category_id, c.name AS category_name, 0 AS views
				FROM article a JOIN category c ON c.id = a.category_id WHERE a.id = ?
				""", RANKED, articleId);
		if (own.isEmpty()) {
			return List.of();
		}
		Long category = own.get(0).categoryId();
		Set<String> terms = bigrams(own.get(0).headline());
		List<RankedArticle> candidates = this.jdbc.query("""
				SELECT a.id, a.slug, a.headline, a.category_id, c.name AS category_name, 0 AS views
				FROM article a JOIN category c ON c.id = a.category_id
				WHERE a.id <> ? AND %s
				ORDER BY a.published_at DESC, a.id DESC
				FETCH FIRST 300 ROWS ONLY
				""".formatted(VISIBLE), RANKED, articleId, at, at);
		return candidates.stream()
			.sorted(Comparator.comparing((RankedArticle article) -> !article.categoryId().equals(category))
				.thenComparingLong((article) -> -shared(terms, bigrams(article.headline()))))
			.toList();
	}

	/**
	 * Japanese has no spaces: headline terms are overlapping pairs of letters or digits.
	 */
	static Set<String> bigrams(String text) {
		Set<String> grams = new HashSet<>();
		int[] points = text.codePoints().filter(Character::isLetterOrDigit).toArray();
		for (int i = 0; i + 1 < points.length; i++) {
			grams.add(new String(points, i, 2));
		}
		return grams;
	}

	private static long shared(Set<String> a, Set<String> b) {
		return b.stream().filter(a::contains).count();
	}

}
