package dev.shimbun.comment;

/**
 * A reader may not edit or take back this comment: the key is not the one given at
 * posting, the edit window is over, or the moderators took the comment down.
 */
class OwnCommentRefusedException extends RuntimeException {

	/** Why, each with the message readers see. */
	enum Reason {

		WRONG_KEY("このコメントを編集する権限がありません。投稿したブラウザから操作してください。"), WINDOW_OVER("投稿から時間がたったため、このコメントはもう編集・削除できません。"),
		TAKEN_DOWN("このコメントは編集部が非表示にしたか、すでに削除されているため、編集・削除できません。");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		String message() {
			return this.message;
		}

	}

	private final Reason reason;

	OwnCommentRefusedException(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

}
