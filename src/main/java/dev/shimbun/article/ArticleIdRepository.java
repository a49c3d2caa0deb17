package dev.shimbun.article;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Article ids by slug, in plain JDBC rather than in {@link ArticleRepository}: Spring
 * Data repositories are created on first use, and ids are looked up while the application
 * shuts down (the last view counts are written then), when no bean can be created any
 * more.
 */
@Repository
class ArticleIdRepository {

	private final JdbcTemplate jdbc;

	ArticleIdRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The slug and id of each article with one of these slugs (one query). */
	Map<String, Long> findIdsBySlugIn(Collection<String> slugs) {
		Map<String, Long> ids = new HashMap<>();
		if (slugs.isEmpty()) {
			return ids;
		}
		String marks = String.join(",", Collections.nCopies(slugs.size(), "?"));
		RowCallbackHandler collect = (row) -> ids.put(row.getString("slug"), row.getLong("id"));
		this.jdbc.query("SELECT id, slug FROM article WHERE slug IN (" + marks + ")", collect, slugs.toArray());
		return ids;
	}

}
