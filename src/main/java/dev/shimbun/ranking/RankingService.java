package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleVisibility;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The most-read lists, from real reads: site-wide for the last 24 hours and 7 days, and
 * per category. They are recomputed on a schedule (every minute by default, by one
 * instance of the cluster), stored in the database and served from memory on every
 * instance, never computed in the request path. {@link AlsoReadService} makes the related
 * articles under an article.
 */
@Service
public class RankingService {

	private static final String VISIBLE = ArticleVisibility.sql("?");

	private static final String DAY = "day";

	private static final String WEEK = "week";

	private static final String CATEGORY = "category:";

	private static final RowMapper<RankedArticle> RANKED = (row, n) -> new RankedArticle(row.getLong("id"),
			row.getString("slug"), row.getString("headline"), row.getLong("category_id"),
			row.getString("category_name"), row.getLong("views"));

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int size;

	private final ClusterEvents cluster;

	private final TransactionTemplate transactions;

	private final Timer recomputeTimer;

	private volatile Rankings rankings = Rankings.empty();

	RankingService(JdbcTemplate jdbc, Clock clock, ShimbunProperties properties, ClusterEvents cluster,
			PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.size = properties.views().rankingSize();
		this.cluster = cluster;
		this.transactions = new TransactionTemplate(transactionManager);
		this.recomputeTimer = Timer.builder("shimbun.rankings.recompute")
			.description("Time to recompute and store every most-read list")
			.register(meters);
	}

	/**
	 * Recomputes every most-read list and stores them for every instance; takes effect
	 * here at once, and on the other instances when they hear of it. Called once per
	 * cluster on a schedule (RankingScheduler).
	 */
	public void recompute() {
		this.recomputeTimer.record(() -> {
			Instant now = this.clock.instant();
			List<RankedArticle> day = mostRead(now, now.minus(Duration.ofHours(24)));
			List<RankedArticle> week = mostRead(now, now.minus(Duration.ofDays(7)));
			Map<String, List<RankedArticle>> lists = new LinkedHashMap<>();
			lists.put(DAY, withFallback(day, week));
			lists.put(WEEK, top(week));
			Set<Long> categories = new TreeSet<>();
			week.forEach((article) -> categories.add(article.categoryId()));
			for (Long category : categories) {
				lists.put(CATEGORY + category,
						withFallback(day.stream().filter((article) -> article.categoryId().equals(category)).toList(),
								week.stream().filter((article) -> article.categoryId().equals(category)).toList()));
			}
			this.transactions.executeWithoutResult((status) -> store(now, lists));
		});
	}

	private void store(Instant now, Map<String, List<RankedArticle>> lists) {
		this.jdbc.update("DELETE FROM ranking_entry");
		List<Object[]> rows = new ArrayList<>();
		lists.forEach((key, articles) -> {
			for (int place = 0; place < articles.size(); place++) {
				rows.add(new Object[] { key, place + 1, articles.get(place).id(), articles.get(place).views() });
			}
		});
		this.jdbc.batchUpdate("INSERT INTO ranking_entry (list_key, place, article_id, views) VALUES (?, ?, ?, ?)",
				rows);
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		if (this.jdbc.update("UPDATE ranking_state SET computed_at = ? WHERE id = 1", at) == 0) {
			this.jdbc.update("INSERT INTO ranking_state (id, computed_at) VALUES (1, ?)", at);
		}
		this.cluster.changed(Topic.RANKINGS, null);
	}

	/**
	 * Loads the stored lists into memory, leaving out articles no longer visible, with
	 * their current headlines.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void load() {
		Instant now = this.clock.instant();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		Map<String, List<RankedArticle>> lists = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT r.list_key, a.id, a.slug, a.headline, a.category_id, c.name AS category_name, r.views
				FROM ranking_entry r
				JOIN article a ON a.id = r.article_id
				JOIN category c ON c.id = a.category_id
				WHERE %s
				ORDER BY r.list_key, r.place
				""".formatted(VISIBLE),
				(RowCallbackHandler) (row) -> lists
					.computeIfAbsent(row.getString("list_key"), (key) -> new ArrayList<>())
					.add(RANKED.mapRow(row, 0)),
				at, at);
		List<OffsetDateTime> computed = this.jdbc.queryForList("SELECT computed_at FROM ranking_state WHERE id = 1",
				OffsetDateTime.class);
		Map<Long, List<RankedArticle>> byCategory = new LinkedHashMap<>();
		lists.forEach((key, articles) -> {
			if (key.startsWith(CATEGORY)) {
				byCategory.put(Long.valueOf(key.substring(CATEGORY.length())), List.copyOf(articles));
			}
		});
		this.rankings = new Rankings(computed.isEmpty() ? Instant.EPOCH : computed.get(0).toInstant(),
				List.copyOf(lists.getOrDefault(DAY, List.of())), List.copyOf(lists.getOrDefault(WEEK, List.of())),
				byCategory);
	}

	/**
	 * Another recomputation (here or on another instance), or an article edited,
	 * published or hidden: the lists in memory are read again.
	 */
	@EventListener
	void onChange(ContentChanged change) {
		if (change.topic() == Topic.RANKINGS || change.topic() == Topic.ARTICLE) {
			load();
		}
	}

	private List<RankedArticle> withFallback(List<RankedArticle> day, List<RankedArticle> week) {
		if (day.size() >= this.size) {
			return top(day);
		}
		List<RankedArticle> merged = new ArrayList<>(day);
		Set<Long> seen = new HashSet<>();
		day.forEach((article) -> seen.add(article.id()));
		week.stream().filter((article) -> seen.add(article.id())).forEach(merged::add);
		return top(merged);
	}

	private List<RankedArticle> top(List<RankedArticle> articles) {
		return articles.stream().limit(this.size).toList();
	}

	/**
	 * The most-read visible articles since a time: the top of each category (which holds
	 * the top of the site too), most read first. Views are summed before anything is
	 * joined, and only the top rows per category leave the database.
	 */
	private List<RankedArticle> mostRead(Instant now, Instant since) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return this.jdbc.query("""
				SELECT id, slug, headline, category_id, category_name, views FROM (
					SELECT a.id, a.slug, a.headline, a.category_id, c.name AS category_name, v.views,
						ROW_NUMBER() OVER (PARTITION BY a.category_id ORDER BY v.views DESC, a.id DESC) AS place
					FROM (SELECT article_id, SUM(views) AS views FROM article_view_hour
						WHERE hour_start >= ? GROUP BY article_id) v
					JOIN article a ON a.id = v.article_id
					JOIN category c ON c.id = a.category_id
					WHERE %s
				) ranked
				WHERE place <= ?
				ORDER BY views DESC, id DESC
				""".formatted(VISIBLE), RANKED, since.atOffset(ZoneOffset.UTC), at, at, this.size);
	}

	/**
	 * The most-read articles of the site: the last 24 hours, or 7 days when too few were
	 * read.
	 */
	List<RankedArticle> topOfDay() {
		return this.rankings.topDay();
	}

	/** The most-read articles of the last 7 days. */
	List<RankedArticle> topOfWeek() {
		return this.rankings.topWeek();
	}

	/** The most-read articles of a category (24 hours, or 7 days when too few). */
	public List<RankedArticle> topInCategory(Long categoryId) {
		return this.rankings.inCategory(categoryId);
	}

	/** When the rankings in use were computed. */
	public Instant computedAt() {
		return this.rankings.computedAt();
	}

}
