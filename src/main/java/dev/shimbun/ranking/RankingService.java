package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

	private static final String DAY = "day";

	private static final String WEEK = "week";

	private static final String CATEGORY = "category:";

	private final RankingStore store;

	private final Clock clock;

	private final int size;

	private final ClusterEvents cluster;

	private final TransactionTemplate transactions;

	private final Timer recomputeTimer;

	private volatile Rankings rankings = Rankings.empty();

	RankingService(RankingStore store, Clock clock, ShimbunProperties properties, ClusterEvents cluster,
			PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.store = store;
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

	/**
	 * Stores the lists; announces them only when an article entered, left or moved in one
	 * of them, since only then do pages change (they show no counts).
	 */
	private void store(Instant now, Map<String, List<RankedArticle>> lists) {
		boolean changed = !ids(lists).equals(ids(this.store.stored(now)));
		this.store.replace(now, lists);
		if (changed) {
			this.cluster.changed(Topic.RANKINGS, null);
		}
		else {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					load();
				}
			});
		}
	}

	private static Map<String, List<Long>> ids(Map<String, List<RankedArticle>> lists) {
		Map<String, List<Long>> ids = new HashMap<>();
		lists.forEach((key, articles) -> {
			if (!articles.isEmpty()) {
				ids.put(key, articles.stream().map(RankedArticle::id).toList());
			}
		});
		return ids;
	}

	/**
	 * Loads the stored lists into memory, leaving out articles no longer visible, with
	 * their current headlines.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void load() {
		Map<String, List<RankedArticle>> lists = this.store.stored(this.clock.instant());
		Map<Long, List<RankedArticle>> byCategory = new LinkedHashMap<>();
		lists.forEach((key, articles) -> {
			if (key.startsWith(CATEGORY)) {
				byCategory.put(Long.valueOf(key.substring(CATEGORY.length())), List.copyOf(articles));
			}
		});
		this.rankings = new Rankings(this.store.computedAt().orElse(Instant.EPOCH),
				List.copyOf(lists.getOrDefault(DAY, List.of())), List.copyOf(lists.getOrDefault(WEEK, List.of())),
				byCategory);
	}

	/**
	 * Another recomputation (here or on another instance), or an article edited,
	 * published or hidden: the lists in memory are read again.
	 */
	@EventListener
	@Order(ContentChanged.RELOAD)
	void onChange(ContentChanged change) {
		if (change.topic() == Topic.RANKINGS || change.topic() == Topic.ARTICLE
				|| change.topic() == Topic.ARTICLE_EDITED) {
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

	private List<RankedArticle> mostRead(Instant now, Instant since) {
		return this.store.mostRead(now, since, this.size);
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
