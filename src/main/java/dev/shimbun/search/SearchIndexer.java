package dev.shimbun.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the search index ({@code article_search_gram}) current: an article's headline,
 * summary and paragraphs become its set of grams. Editors' saves call
 * {@link #index(Long)} in their transaction; deleting an article deletes its grams by
 * cascade. Visibility is checked when searching, so schedules need no reindexing.
 */
@Component
public class SearchIndexer {

	/** Articles indexed per transaction when indexing many. */
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transactions;

	SearchIndexer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Replaces the grams of one article (none if it no longer exists). */
	@Transactional
	public void index(Long articleId) {
		indexBatch(List.of(articleId));
	}

	/**
	 * Indexes every article that has no grams yet, in batches.
	 * @return how many articles were indexed
	 */
	public int indexMissing() {
		int indexed = 0;
		long after = 0;
		while (true) {
			List<Long> ids = this.jdbc.queryForList("""
					SELECT a.id FROM article a
					WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM article_search_gram g WHERE g.article_id = a.id)
					ORDER BY a.id FETCH FIRST %d ROWS ONLY""".formatted(BATCH), Long.class, after);
			if (ids.isEmpty()) {
				return indexed;
			}
			this.transactions.executeWithoutResult((status) -> indexBatch(ids));
			indexed += ids.size();
			after = ids.get(ids.size() - 1);
		}
	}

	/** Replaces the grams of these articles, in one transaction when called from one. */
	void indexBatch(List<Long> ids) {
		Map<Long, StringBuilder> texts = new HashMap<>();
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
		this.named.query("SELECT id, headline, summary FROM article WHERE id IN (:ids)", params, (row) -> {
			StringBuilder text = new StringBuilder(row.getString("headline"));
			String summary = row.getString("summary");
			if (summary != null) {
				text.append('\n').append(summary);
			}
			texts.put(row.getLong("id"), text);
		});
		this.named.query("""
				SELECT article_id, body_text FROM article_block
				WHERE article_id IN (:ids) AND body_text IS NOT NULL ORDER BY article_id, position""", params,
				(row) -> {
					StringBuilder text = texts.get(row.getLong("article_id"));
					if (text != null) {
						text.append('\n').append(row.getString("body_text"));
					}
				});
		this.named.update("DELETE FROM article_search_gram WHERE article_id IN (:ids)", params);
		List<Object[]> rows = new ArrayList<>();
		texts.forEach((id, text) -> {
			for (String gram : SearchText.grams(text.toString())) {
				rows.add(new Object[] { id, gram });
			}
		});
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO article_search_gram (article_id, gram) VALUES (?, ?)", rows);
		}
	}

}
