package dev.shimbun.media;

/**
 * An upload or a change that is refused: too large, not an image of an accepted type,
 * broken, empty, or not storable. Nothing has been stored. The message key (in
 * {@code i18n/media.properties}) and its arguments say why, for the form.
 */
public class MediaRejectedException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public MediaRejectedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	MediaRejectedException(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
		this.arguments = new Object[0];
	}

	/**
	 * The key of the message that explains the refusal, such as
	 * {@code media.error.broken}.
	 */
	public String messageKey() {
		return this.messageKey;
	}

	/** The arguments of the message. */
	public Object[] arguments() {
		return this.arguments.clone();
	}

}
