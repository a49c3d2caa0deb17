package dev.shimbun.comment;

import java.util.regex.Pattern;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.shimbun.PageNumber;

/**
 * What the moderators' list shows: a queue, optional filters by article headline, comment
 * text and client (the keyed hash of a poster's address: the per-client view), and a page
 * (1-based). Every moderation action returns to it.
 */
public record CommentAdminQuery(CommentQueue queue, String article, String text, String client, int page) {

	static final int MAX_FILTER_LENGTH = 200;

	private static final Pattern CLIENT = Pattern.compile("[0-9a-f]{64}");

	public CommentAdminQuery {
		queue = (queue != null) ? queue : CommentQueue.PENDING;
		article = clean(article);
		text = clean(text);
		client = (client != null && CLIENT.matcher(client).matches()) ? client : null;
		page = Math.max(page, 1);
	}

	/** From request parameters, any of them missing or malformed. */
	public static CommentAdminQuery of(String queue, String article, String text, String client, String page) {
		return new CommentAdminQuery(CommentQueue.parse(queue), article, text, client, PageNumber.lenient(page));
	}

	public boolean isFiltered() {
		return this.article != null || this.text != null || this.client != null;
	}

	/** The same list on another page. */
	CommentAdminQuery onPage(int page) {
		return new CommentAdminQuery(this.queue, this.article, this.text, this.client, page);
	}

	/** Every comment of one client, whatever its state. */
	public String clientLink(String client) {
		return "/admin/comments?queue=all&client=" + client;
	}

	/** The first characters of the client filter's hash. */
	public String clientLabel() {
		return CommentRow.label(this.client);
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
		if (this.client != null) {
			link.append("&client=").append(this.client);
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
