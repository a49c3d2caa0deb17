package dev.shimbun.search;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One article found: its headline and a snippet of its text as segments, the matched ones
 * marked, so that templates render them as text.
 */
public record SearchHit(String slug, List<Segment> headline, String categoryName, ZonedDateTime publishedAt,
		List<Segment> snippet) {

	public String path() {
		return "/articles/" + this.slug;
	}

	/** A piece of text, matched or not. */
	public record Segment(String text, boolean match) {

	}

}
