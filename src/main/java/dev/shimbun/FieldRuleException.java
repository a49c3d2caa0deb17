package dev.shimbun;

import org.springframework.validation.Errors;

/**
 * A change that breaks a rule a service enforces with the database or shared state (a
 * name taken, the last admin demoted, comments closed), reported next to the form field
 * it concerns: a message key with its arguments. Nothing has been changed when it is
 * thrown. A controller puts it on its form with {@link #rejectIn(Errors)} and shows the
 * form again.
 */
public class FieldRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	public FieldRuleException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

	/**
	 * Adds this rule as an error of its field to a form's errors (a
	 * {@code BindingResult}), as if the form's own validation had found it.
	 */
	public void rejectIn(Errors errors) {
		errors.rejectValue(this.field, this.messageKey, this.arguments, null);
	}

}
