package dev.shimbun.search;

import java.util.List;

/**
 * A page of search results.
 *
 * @param query the query as the reader typed it (stripped), or an empty string
 * @param problem a message key saying why nothing was searched ({@code null} if searched)
 * @param hits the articles on this page, newest first
 * @param total how many articles match
 * @param page the page, from 1
 * @param totalPages how many pages there are
 */
public record SearchResults(String query, String problem, List<SearchHit> hits, long total, int page, int totalPages) {

	static SearchResults refused(String query, String problem) {
		return new SearchResults(query, problem, List.of(), 0, 1, 0);
	}

	public boolean searched() {
		return this.problem == null;
	}

	public boolean hasPrevious() {
		return this.page > 1 && this.page <= this.totalPages + 1;
	}

	/** The first page number the pagination shows (a window around this page). */
	public int firstShownPage() {
		return Math.max(1, Math.min(this.page, this.totalPages) - 4);
	}

	/** The last page number the pagination shows. */
	public int lastShownPage() {
		return Math.min(this.totalPages, firstShownPage() + 8);
	}

	public boolean hasNext() {
		return this.page < this.totalPages;
	}

}
