package dev.shimbun.comment;

import java.time.ZonedDateTime;

/** A visible comment; {@code nickname} is null for anonymous posters. */
public record CommentView(Long id, String nickname, String body, ZonedDateTime createdAt, boolean featured,
		ReactionCounts reactions) {

	public String anchor() {
		return "comment-" + this.id;
	}

}
