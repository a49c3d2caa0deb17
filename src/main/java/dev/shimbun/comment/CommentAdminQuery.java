package dev.shimbun.comment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.shimbun.PageNumber;

/**
 * What the moderators' list shows: a queue, optional filters by article headline and
 * comment text, and a page (1-based). Every moderation action returns to it.
 */
public record CommentAdminQuery(CommentQueue queue, String article, String text, int page) {

	static final int MAX_FILTER_LENGTH = 200;

	public CommentAdminQuery {
		queue = (queue != null) ? queue : CommentQueue.PENDING;
		article = clean(article);
		text = clean(text);
		page = Math.max(page, 1);
	}

	/** From request parameters, any of them missing or malformed. */
	public static CommentAdminQuery of(String queue, String article, String text, String page) {
		return new CommentAdminQuery(CommentQueue.parse(queue), article, text, PageNumber.lenient(page));
	}

	public boolean isFiltered() {
		return this.article != null || this.text != null;
	}

	/** The list as it is now. */
	public String link() {
		return link(this.queue, this.page);
	}

	/** Another page of the same queue and filters. */
	public String link(int page) {
		return link(this.queue, page);
	}

	/** The first page of another queue, with the same filters. */
	public String link(CommentQueue queue) {
		return link(queue, 1);
	}

	/** The page confirming the deletion of a comment, which comes back here. */
	public String deleteLink(Long id) {
		return "/admin/comments/" + id + "/delete?" + parameters(this.queue, this.page);
	}

	private String link(CommentQueue queue, int page) {
		return "/admin/comments?" + parameters(queue, page);
	}

	private String parameters(CommentQueue queue, int page) {
		StringBuilder link = new StringBuilder("queue=").append(queue.parameter());
		if (this.article != null) {
			link.append("&article=").append(URLEncoder.encode(this.article, StandardCharsets.UTF_8));
		}
		if (this.text != null) {
			link.append("&text=").append(URLEncoder.encode(this.text, StandardCharsets.UTF_8));
		}
		if (page > 1) {
			link.append("&page=").append(page);
		}
		return link.toString();
	}

	private static String clean(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.codePointCount(0, stripped.length()) <= MAX_FILTER_LENGTH) {
			return stripped;
		}
		return stripped.substring(0, stripped.offsetByCodePoints(0, MAX_FILTER_LENGTH));
	}

}
