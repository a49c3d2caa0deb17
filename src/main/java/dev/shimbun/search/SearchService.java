package dev.shimbun.search;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleText;
import dev.shimbun.article.ArticleTexts;
import dev.shimbun.search.SearchHit.Segment;

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

	private final ArticleTexts articles;

	private final ZoneId zone;

	SearchService(ArticleTexts articles, ShimbunProperties properties) {
		this.articles = articles;
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
		Map<String, Object> params = new HashMap<>();
		Terms terms = Terms.of(words);
		String matching = matching(terms, params);
		String matches = matches("h.id", terms, params);
		long total = this.articles.countVisible(matching, matches, params);
		int totalPages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
		if (totalPages == 0) {
			return new SearchResults(typed, null, List.of(), total, 1, totalPages);
		}
		// past the last page, the last one
		page = Math.min(Math.max(page, 1), totalPages);
		List<Long> ids = this.articles.visibleIds(matching, matches, params, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE,
				total);
		// whole words as typed (punctuation included) are marked as one, then their runs
		List<String> marks = new ArrayList<>();
		for (String whole : SearchText.normalize(typed).split("\\s+")) {
			if (!whole.isEmpty()) {
				marks.add(whole);
			}
		}
		marks.addAll(words);
		List<SearchHit> hits = this.articles.texts(ids)
			.stream()
			.map((article) -> new SearchHit(article.slug(), Highlighter.segments(article.headline(), marks),
					article.categoryName(), article.publishedAt().atZone(this.zone), snippet(article, marks)))
			.toList();
		return new SearchResults(typed, null, hits, total, page, totalPages);
	}

	/**
	 * The ids of the articles whose grams hold every pair of letters of the words (and,
	 * for one-letter words, a gram starting with the letter), as SQL over the index.
	 */
	private static String matching(Terms terms, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (!terms.pairs().isEmpty()) {
			params.put("pairs", terms.pairs());
			params.put("pairCount", terms.pairs().size());
			conditions.add("""
					SELECT g.article_id FROM article_search_gram g WHERE g.gram IN (:pairs)
					GROUP BY g.article_id HAVING COUNT(*) = :pairCount""");
		}
		for (int i = 0; i < terms.letters().size(); i++) {
			conditions.add("SELECT l.article_id FROM article_search_gram l WHERE " + startsWith(terms, i, params));
		}
		return String.join(" INTERSECT ", conditions);
	}

	/**
	 * The same selection as {@link #matching} (with its parameters) as a condition on one
	 * article, whose id is the column {@code id}: its grams are found by the index on
	 * article ids.
	 */
	private static String matches(String id, Terms terms, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		int i = 0;
		for (String pair : terms.pairs()) {
			// one look-up of the primary key per pair (H2 reads every row of the pairs
			// for "gram IN (…) AND article_id = …")
			params.put("pair" + i, pair);
			conditions.add("EXISTS (SELECT 1 FROM article_search_gram g WHERE g.gram = :pair" + i
					+ " AND g.article_id = " + id + ")");
			i++;
		}
		for (int j = 0; j < terms.letters().size(); j++) {
			conditions.add("EXISTS (SELECT 1 FROM article_search_gram l WHERE l.article_id = " + id + " AND "
					+ startsWith(terms, j, params) + ")");
		}
		return String.join(" AND ", conditions);
	}

	/**
	 * The condition that a gram {@code l.gram} starts with the one-letter word
	 * {@code index}: the range from the letter up to the next code point, which both
	 * databases read from the primary key (H2 reads every gram for {@code LIKE 'b%'}); a
	 * {@code LIKE} where the next code point is none (a surrogate, past the last).
	 */
	private static String startsWith(Terms terms, int index, Map<String, Object> params) {
		String letter = terms.letters().get(index);
		int last = letter.codePointBefore(letter.length());
		int next = last + 1;
		if (next > Character.MAX_CODE_POINT || (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE)) {
			params.put("letter" + index, letter + "%");
			return "l.gram LIKE :letter" + index;
		}
		params.put("letter" + index, letter);
		params.put("letterEnd" + index,
				letter.substring(0, letter.length() - Character.charCount(last)) + Character.toString(next));
		return "l.gram >= :letter" + index + " AND l.gram < :letterEnd" + index;
	}

	/** Around the first match in the summary or paragraphs, or the start of the first. */
	private static List<Segment> snippet(ArticleText article, List<String> words) {
		List<String> texts = new ArrayList<>();
		if (article.summary() != null && !article.summary().isBlank()) {
			texts.add(article.summary());
		}
		texts.addAll(article.paragraphs());
		return snippetOf(texts, words);
	}

	private static List<Segment> snippetOf(List<String> texts, List<String> words) {
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

	/** What an article must hold: every pair of the words, and the one-letter words. */
	private record Terms(Set<String> pairs, List<String> letters) {

		static Terms of(List<String> words) {
			Set<String> pairs = new LinkedHashSet<>();
			List<String> letters = new ArrayList<>();
			for (String word : words) {
				List<String> wordPairs = SearchText.pairs(word);
				if (wordPairs.isEmpty()) {
					letters.add(word);
				}
				pairs.addAll(wordPairs);
			}
			return new Terms(pairs, letters);
		}

	}

}
