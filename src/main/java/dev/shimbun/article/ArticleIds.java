package dev.shimbun.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The ids of articles by their slugs, whatever their status: for features that keep rows
 * of their own about articles and are told of them by slug (view counts).
 */
@Component
public class ArticleIds {

	/** Slugs asked for in one query. */
	private static final int CHUNK = 500;

	private final ArticleIdRepository articles;

	ArticleIds(ArticleIdRepository articles) {
		this.articles = articles;
	}

	/** The id of each of these slugs that an article has; others are left out. */
	public Map<String, Long> bySlug(Collection<String> slugs) {
		Map<String, Long> ids = new HashMap<>();
		List<String> all = new ArrayList<>(slugs);
		for (int from = 0; from < all.size(); from += CHUNK) {
			ids.putAll(this.articles.findIdsBySlugIn(all.subList(from, Math.min(all.size(), from + CHUNK))));
		}
		return ids;
	}

}
