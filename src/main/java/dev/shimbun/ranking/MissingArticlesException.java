package dev.shimbun.ranking;

import java.util.Set;

/** A list was to be saved with articles that no longer exist (deleted meanwhile). */
class MissingArticlesException extends RuntimeException {

	private final Set<Long> articleIds;

	MissingArticlesException(Set<Long> articleIds) {
		super("No articles " + articleIds);
		this.articleIds = Set.copyOf(articleIds);
	}

	Set<Long> articleIds() {
		return this.articleIds;
	}

}
