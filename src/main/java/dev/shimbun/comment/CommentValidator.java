package dev.shimbun.comment;

import dev.shimbun.Graphemes;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of the comment form, on the text as it would be stored (normalised, see
 * {@link CommentText}) and counted as readers see it: a body of 1 to
 * {@value CommentService#MAX_BODY_LENGTH} characters and a nickname of at most
 * {@value CommentService#MAX_NICKNAME_LENGTH}. A Spring validator rather than Bean
 * Validation because the message about a long body tells the length typed. One error at
 * most for each field. Never throws, whatever the text.
 */
final class CommentValidator implements Validator {

	/** Stored text is at most this many UTF-16 units, whatever its characters. */
	static final int MAX_BODY_UNITS = 4000;

	static final int MAX_NICKNAME_UNITS = 200;

	@Override
	public boolean supports(Class<?> type) {
		return CommentForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		CommentForm form = (CommentForm) target;
		String body = CommentText.normalize(form.getBody());
		if (body.isEmpty()) {
			errors.rejectValue("body", "comment.error.empty");
		}
		else {
			int length = Graphemes.count(body);
			if (length > CommentService.MAX_BODY_LENGTH || body.length() > MAX_BODY_UNITS) {
				errors.rejectValue("body", "comment.error.tooLong",
						new Object[] { CommentService.MAX_BODY_LENGTH, length }, null);
			}
		}
		String nickname = CommentText.normalizeNickname(form.getNickname());
		if (Graphemes.count(nickname) > CommentService.MAX_NICKNAME_LENGTH || nickname.length() > MAX_NICKNAME_UNITS) {
			errors.rejectValue("nickname", "comment.error.nicknameTooLong",
					new Object[] { CommentService.MAX_NICKNAME_LENGTH }, null);
		}
	}

}
