package dev.shimbun.comment;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A comment in the moderators' list. {@code articlePath} is null while the article is not
 * public; {@code nickname} is null for anonymous posters.
 */
public record CommentRow(Long id, long version, String articleHeadline, String articlePath, String nickname,
		String body, ZonedDateTime createdAt, CommentStatus status, String queueReason, int reportCount,
		List<ReportCount> reports, boolean featured, boolean reviewed) {

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
		return !isVisible() || hasUnreviewedReports();
	}

	/** Where readers see the comment, or {@code null} when they do not. */
	public String publicPath() {
		return (isVisible() && this.articlePath != null) ? this.articlePath + "#comment-" + this.id : null;
	}

	/** Reports of one reason. */
	public record ReportCount(ReportReason reason, long count) {

	}

}
