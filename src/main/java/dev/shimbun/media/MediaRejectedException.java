package dev.shimbun.media;

import org.springframework.http.HttpStatus;

/**
 * An upload or a change that is refused: too large, not an image of an accepted type,
 * broken, too costly to decode, empty, in use, not storable, or the server busy. Nothing
 * has been stored. The message key (in {@code i18n/media.properties}) and its arguments
 * say why, for the form; the status is what the response answers: 422 for what the file
 * is, 413 for its size, 409 for an item in use, 429 when decoding is busy and 503 when
 * the file could not be stored.
 */
public class MediaRejectedException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	private final HttpStatus status;

	private final int retryAfterSeconds;

	/** A refusal of what the file is (422). */
	public MediaRejectedException(String messageKey, Object... arguments) {
		this(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, null, 0, arguments);
	}

	MediaRejectedException(String messageKey, Throwable cause) {
		this(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, cause, 0);
	}

	private MediaRejectedException(HttpStatus status, String messageKey, Throwable cause, int retryAfterSeconds,
			Object... arguments) {
		super(messageKey, cause);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** The file is malformed or cut off: not a whole image of its type (422). */
	static MediaRejectedException broken() {
		return new MediaRejectedException("media.error.broken");
	}

	/** The file is larger than the limit (413). */
	static MediaRejectedException tooLarge(String limit) {
		return new MediaRejectedException(HttpStatus.CONTENT_TOO_LARGE, "media.error.tooLarge", null, 0, limit);
	}

	/** Too many images are being decoded; try again after a while (429). */
	static MediaRejectedException busy(int retryAfterSeconds) {
		return new MediaRejectedException(HttpStatus.TOO_MANY_REQUESTS, "media.error.busy", null, retryAfterSeconds);
	}

	/** Something still shows the item (409). */
	static MediaRejectedException inUse(Throwable cause) {
		return new MediaRejectedException(HttpStatus.CONFLICT, "media.error.inUse", cause, 0);
	}

	/** The files could not be written: not the file's fault (503). */
	static MediaRejectedException storage(Throwable cause) {
		return new MediaRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "media.error.storage", cause,
				DecodeGate.RETRY_AFTER_SECONDS);
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

	/** The status of the response that tells of the refusal. */
	public HttpStatus status() {
		return this.status;
	}

	/** Seconds after which trying again may work, or 0 when it will not. */
	int retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
