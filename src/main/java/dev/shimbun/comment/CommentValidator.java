package dev.shimbun.comment;

import java.util.ArrayList;
import java.util.List;

/**
 * The form rules of a comment, on normalised text (see {@link CommentText}): a body of 1
 * to 300 characters and a nickname of at most 20, counted as readers see them. Never
 * throws, whatever the text.
 */
final class CommentValidator {

	/** Stored text is at most this many UTF-16 units, whatever its characters. */
	static final int MAX_BODY_UNITS = 4000;

	static final int MAX_NICKNAME_UNITS = 200;

	private CommentValidator() {
	}

	static List<PostResult.Problem> check(String nickname, String body) {
		List<PostResult.Problem> problems = new ArrayList<>();
		int length = CommentText.length(body);
		if (body.isEmpty()) {
			problems.add(new PostResult.Problem("body", "comment.error.empty"));
		}
		else if (length > CommentService.MAX_BODY_LENGTH || body.length() > MAX_BODY_UNITS) {
			problems
				.add(new PostResult.Problem("body", "comment.error.tooLong", CommentService.MAX_BODY_LENGTH, length));
		}
		if (CommentText.length(nickname) > CommentService.MAX_NICKNAME_LENGTH
				|| nickname.length() > MAX_NICKNAME_UNITS) {
			problems.add(new PostResult.Problem("nickname", "comment.error.nicknameTooLong",
					CommentService.MAX_NICKNAME_LENGTH));
		}
		return problems;
	}

}
