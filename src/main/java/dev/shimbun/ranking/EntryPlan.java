package dev.shimbun.ranking;

import java.time.Instant;
import java.util.Objects;

import dev.shimbun.article.Article;

/**
 * What one entry of a list is to become: its article, its label (or null) and its window
 * (either end may be null).
 */
record EntryPlan(Article article, String label, Instant startsAt, Instant endsAt) {

	EntryPlan {
		Objects.requireNonNull(article, "article");
		if (label != null && (label.isBlank() || label.length() > CuratedListEntry.LABEL_LENGTH)) {
			throw new IllegalArgumentException("Label blank or longer than " + CuratedListEntry.LABEL_LENGTH);
		}
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("Window ends before it starts");
		}
	}

}
