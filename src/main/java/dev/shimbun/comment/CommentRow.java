package dev.shimbun.comment;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A comment in the moderators' list. {@code articlePath} is null while the article is not
 * public; {@code nickname} is null for anonymous posters.
 *
 * @param parent the comment a reply answers, or null
 * @param reactions readers' reactions to it
 * @param edits what it was before each of its author's edits, oldest first
 * @param client the keyed hash of the poster's address (the per-client view), or null
 */
public record CommentRow(Long id, long version, String articleHeadline, String articlePath, String nickname,
		String body, ZonedDateTime createdAt, CommentStatus status, String queueReason, int reportCount,
		List<ReportCount> reports, boolean featured, boolean reviewed, Parent parent, ReactionCounts reactions,
		List<Edit> edits, String client) {

	/** The first characters of the client's hash, enough to tell posters apart. */
	public String clientLabel() {
		return label(this.client);
	}

	/** The first characters of a client's hash, or null. */
	static String label(String client) {
		return (client != null) ? client.substring(0, Math.min(8, client.length())) : null;
	}

	public boolean isVisible() {
		return this.status == CommentStatus.VISIBLE;
	}

	public boolean isHidden() {
		return this.status == CommentStatus.HIDDEN;
	}

	/**
	 * Shown to readers and reported, under the threshold, with nobody having looked at it
	 * yet: it is in the reported queue until a moderator approves or hides it.
	 */
	public boolean hasUnreviewedReports() {
		return isVisible() && this.reportCount > 0 && !this.reviewed;
	}

	/**
	 * Whether approving changes anything: it shows the comment or settles its reports.
	 */
	public boolean canBeApproved() {
		return (!isVisible() || hasUnreviewedReports()) && this.status != CommentStatus.WITHDRAWN;
	}

	/** Where readers see the comment, or {@code null} when they do not. */
	public String publicPath() {
		return (isVisible() && this.articlePath != null) ? this.articlePath + "#comment-" + this.id : null;
	}

	/** The comment a reply answers, as the moderators see it. */
	public record Parent(Long id, String nickname, String body, CommentStatus status) {

	}

	/** The comment as it was before one of its author's changes. */
	public record Edit(CommentEdit.Change change, String nickname, String body, ZonedDateTime changedAt) {

	}

	/** Reports of one reason. */
	public record ReportCount(ReportReason reason, long count) {

	}

}
