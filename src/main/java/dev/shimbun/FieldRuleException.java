package dev.shimbun;

/**
 * A change that breaks a rule of a feature (a name taken, the last admin demoted),
 * reported next to the form field it concerns with a message key.
 */
public class FieldRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	public FieldRuleException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
