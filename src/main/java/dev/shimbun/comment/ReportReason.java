package dev.shimbun.comment;

/** Why a reader reports a comment. */
public enum ReportReason {

	SPAM, ABUSE, OTHER

}
