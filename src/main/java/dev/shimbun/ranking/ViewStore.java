package dev.shimbun.ranking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.article.ArticleIds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes counted reads to the database, in one transaction: views to hourly buckets
 * ({@code article_view_hour}, for windowed rankings) and to the article's total
 * ({@code article.view_count}), and which readers read what on a day
 * ({@code reader_read}, for こんな記事も読まれています). The ranking feature is the only writer of
 * view counts, and this class its only place that writes them. Reads of articles that no
 * longer exist are dropped.
 */
@Component
class ViewStore {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ArticleIds articles;

	ViewStore(JdbcTemplate jdbc, TransactionTemplate transactions, ArticleIds articles) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.articles = articles;
	}

	/** Writes the counts, all or nothing. */
	void write(ViewCounts counts) {
		this.transactions.executeWithoutResult((status) -> writeInTransaction(counts));
	}

	private void writeInTransaction(ViewCounts counts) {
		Map<String, Long> ids = this.articles.bySlug(counts.slugs());
		Map<Long, Long> totals = new HashMap<>();
		counts.views().forEach((key, adder) -> {
			Long id = ids.get(key.slug());
			if (id == null) {
				return;
			}
			long views = adder.sum();
			OffsetDateTime hour = key.hour().atOffset(ZoneOffset.UTC);
			int updated = this.jdbc.update(
					"UPDATE article_view_hour SET views = views + ? WHERE article_id = ? AND hour_start = ?", views, id,
					hour);
			if (updated == 0) {
				this.jdbc.update("INSERT INTO article_view_hour (article_id, hour_start, views) VALUES (?, ?, ?)", id,
						hour, views);
			}
			totals.merge(id, views, Long::sum);
		});
		totals.forEach((id, views) -> this.jdbc.update("UPDATE article SET view_count = view_count + ? WHERE id = ?",
				views, id));
		List<Object[]> reads = new ArrayList<>();
		for (ViewCounts.Read read : counts.reads()) {
			Long id = ids.get(read.slug());
			if (id != null) {
				reads.add(new Object[] { read.readerHash(), read.day(), id, read.readerHash(), read.day(), id });
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO reader_read (reader_hash, read_day, article_id)
				SELECT ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM reader_read WHERE reader_hash = ? AND read_day = ? AND article_id = ?)
				""", reads);
	}

}
