package dev.shimbun.comment;

import java.util.Locale;

/** What a moderator does to a comment. */
public enum ModerationAction {

	/** Shown to readers; reports so far are settled. */
	APPROVE("承認", true),
	/** Taken down (and no longer featured). */
	HIDE("非表示", true),
	/** Deleted with its reports, for good. */
	DELETE("削除", true),
	/** Shown at the top as 編集部のおすすめ; visible comments only. */
	FEATURE("おすすめに設定", false),
	/** No longer featured. */
	UNFEATURE("おすすめを解除", false);

	private final String auditLabel;

	private final boolean bulk;

	ModerationAction(String auditLabel, boolean bulk) {
		this.auditLabel = auditLabel;
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

	public String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether the action is offered for several comments at once. */
	public boolean isBulk() {
		return this.bulk;
	}

	/** How the audit log names the action. */
	String auditLabel() {
		return this.auditLabel;
	}

}
