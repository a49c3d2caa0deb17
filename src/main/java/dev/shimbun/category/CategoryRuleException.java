package dev.shimbun.category;

/** A change that breaks a rule of categories (a name or slug taken), shown at a field. */
class CategoryRuleException extends RuntimeException {

	private final String field;

	private final String messageKey;

	CategoryRuleException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

}
