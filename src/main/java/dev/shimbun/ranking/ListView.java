package dev.shimbun.ranking;

import java.util.List;

import dev.shimbun.article.ArticlePaths;

/** A list as a page shows it; entries whose article is not visible are left out. */
public record ListView(String key, String heading, boolean numbered, List<Entry> entries) {

	public static ListView empty(String key) {
		return new ListView(key, "", false, List.of());
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/** One entry: where it links, its headline and its label (may be null). */
	public record Entry(String slug, String headline, String label) {

		public String path() {
			return ArticlePaths.of(this.slug);
		}

	}

}
