package dev.shimbun.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleVisibility;
import dev.shimbun.search.SearchHit.Segment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Site search over headlines, summaries and paragraphs of visible articles, newest first.
 * A query is cut like the indexed text (SearchText); an article matches when it holds
 * every pair of letters of the query (and, for one-letter words, a gram starting with the
 * letter). Without positions in the index an article holding all the pairs apart can
 * match a query of three or more letters: rare for real words, and accepted.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

	/** Results per page. */
	static final int PAGE_SIZE = 20;

	/** The longest query searched, in code points. */
	static final int MAX_QUERY_LENGTH = 100;

	/** Length of a snippet, in code points. */
	static final int SNIPPET_LENGTH = 80;

	private static final String VISIBLE = ArticleVisibility.sql(":now");

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	SearchService(JdbcTemplate jdbc, Clock clock, ShimbunProperties properties) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * One page (from 1) of the visible articles matching a query; below 1 the first page,
	 * past the last page the last one.
	 */
	public SearchResults search(String query, int page) {
		String typed = (query != null) ? query.strip() : "";
		if (typed.isEmpty()) {
			return SearchResults.refused("", "search.hint");
		}
		if (typed.codePointCount(0, typed.length()) > MAX_QUERY_LENGTH) {
			return SearchResults.refused(typed.substring(0, typed.offsetByCodePoints(0, MAX_QUERY_LENGTH)),
					"search.tooLong");
		}
		List<String> words = SearchText.runs(SearchText.normalize(typed));
		if (words.isEmpty()) {
			return new SearchResults(typed, null, List.of(), 0, page, 0);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("now", this.clock.instant().atOffset(ZoneOffset.UTC));
		String where = where(words, params);
		long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM article a WHERE " + where, params, Long.class);
		int totalPages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
		if (totalPages == 0) {
			return new SearchResults(typed, null, List.of(), total, 1, totalPages);
		}
		// past the last page, the last one
		page = Math.min(Math.max(page, 1), totalPages);
		params.addValue("offset", (long) (page - 1) * PAGE_SIZE).addValue("size", PAGE_SIZE);
		List<Row> rows = this.jdbc.query("""
				SELECT a.id, a.slug, a.headline, a.summary, a.published_at, c.name AS category_name
				FROM article a JOIN category c ON c.id = a.category_id
				WHERE %s
				ORDER BY a.published_at DESC, a.id DESC
				OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY""".formatted(where), params,
				(row, n) -> new Row(row.getLong("id"), row.getString("slug"), row.getString("headline"),
						row.getString("summary"), row.getObject("published_at", OffsetDateTime.class),
						row.getString("category_name")));
		// whole words as typed (punctuation included) are marked as one, then their runs
		List<String> marks = new ArrayList<>();
		for (String whole : SearchText.normalize(typed).split("\\s+")) {
			if (!whole.isEmpty()) {
				marks.add(whole);
			}
		}
		marks.addAll(words);
		Map<Long, List<String>> bodies = bodies(rows);
		List<SearchHit> hits = rows.stream()
			.map((row) -> new SearchHit(row.slug(), Highlighter.segments(row.headline(), marks), row.categoryName(),
					row.publishedAt().atZoneSameInstant(this.zone),
					snippet(bodies.getOrDefault(row.id(), List.of()), marks)))
			.toList();
		return new SearchResults(typed, null, hits, total, page, totalPages);
	}

	private static String where(List<String> words, MapSqlParameterSource params) {
		Set<String> pairs = new LinkedHashSet<>();
		List<String> letters = new ArrayList<>();
		for (String word : words) {
			List<String> wordPairs = SearchText.pairs(word);
			if (wordPairs.isEmpty()) {
				letters.add(word);
			}
			pairs.addAll(wordPairs);
		}
		StringBuilder where = new StringBuilder(VISIBLE);
		if (!pairs.isEmpty()) {
			params.addValue("pairs", pairs).addValue("pairCount", pairs.size());
			where.append("""

					AND a.id IN (SELECT g.article_id FROM article_search_gram g WHERE g.gram IN (:pairs)
						GROUP BY g.article_id HAVING COUNT(*) = :pairCount)""");
		}
		for (int i = 0; i < letters.size(); i++) {
			params.addValue("letter" + i, letters.get(i) + "%");
			where.append("""

					AND a.id IN (SELECT l.article_id FROM article_search_gram l WHERE l.gram LIKE :letter%d)"""
				.formatted(i));
		}
		return where.toString();
	}

	private Map<Long, List<String>> bodies(List<Row> rows) {
		Map<Long, List<String>> bodies = new HashMap<>();
		if (rows.isEmpty()) {
			return bodies;
		}
		for (Row row : rows) {
			List<String> texts = new ArrayList<>();
			if (row.summary() != null && !row.summary().isBlank()) {
				texts.add(row.summary());
			}
			bodies.put(row.id(), texts);
		}
		this.jdbc.query("""
				SELECT article_id, body_text FROM article_block
				WHERE article_id IN (:ids) AND body_text IS NOT NULL ORDER BY article_id, position""",
				new MapSqlParameterSource("ids", bodies.keySet()),
				(RowCallbackHandler) (row) -> bodies.get(row.getLong("article_id")).add(row.getString("body_text")));
		return bodies;
	}

	/** Around the first match in the summary or paragraphs, or the start of the first. */
	private static List<Segment> snippet(List<String> texts, List<String> words) {
		for (String text : texts) {
			List<Segment> snippet = Highlighter.snippet(text, words, SNIPPET_LENGTH);
			if (snippet != null) {
				return snippet;
			}
		}
		if (texts.isEmpty()) {
			return List.of();
		}
		String first = texts.get(0);
		int length = first.codePointCount(0, first.length());
		return List.of(new Segment((length <= SNIPPET_LENGTH) ? first
				: first.substring(0, first.offsetByCodePoints(0, SNIPPET_LENGTH)) + "…", false));
	}

	private record Row(long id, String slug, String headline, String summary, OffsetDateTime publishedAt,
			String categoryName) {

	}

}
