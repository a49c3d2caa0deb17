package dev.shimbun.comment;

import java.util.Locale;

/** What a moderator does to a comment. */
public enum ModerationAction {

	/** Shown to readers; reports so far are settled. */
	APPROVE(true),
	/** Taken down (and no longer featured). */
	HIDE(true),
	/** Deleted with its reports, for good. */
	DELETE(true),
	/** Shown at the top as 編集部のおすすめ; visible comments only. */
	FEATURE(false),
	/** No longer featured. */
	UNFEATURE(false);

	private final boolean bulk;

	ModerationAction(boolean bulk) {
		this.bulk = bulk;
	}

	/**
	 * From a path segment or form value ({@code approve}, …); {@code null} if unknown.
	 */
	public static ModerationAction parse(String value) {
		if (value != null) {
			for (ModerationAction action : values()) {
				if (action.parameter().equalsIgnoreCase(value.strip())) {
					return action;
				}
			}
		}
		return null;
	}

	/**
	 * The action in addresses and form values; the action's messages end with it
	 * ({@code moderation.notice.approve}, {@code audit.detail.comment.approve}).
	 */
	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the action is offered for several comments at once. */
	public boolean isBulk() {
		return this.bulk;
	}

}
