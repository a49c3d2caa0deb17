package dev.shimbun.search;

import java.time.ZonedDateTime;
import java.util.List;

import dev.shimbun.article.ArticlePaths;

/**
 * One article found: its headline and a snippet of its text as segments, the matched ones
 * marked, so that templates render them as text.
 */
public record SearchHit(String slug, List<Segment> headline, String categoryName, ZonedDateTime publishedAt,
		List<Segment> snippet) {

	public String path() {
		return ArticlePaths.of(this.slug);
	}

	/** A piece of text, matched or not. */
	public record Segment(String text, boolean match) {

	}

}
