package dev.shimbun.comment;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts readers' comments: {@code shimbun.comments.posted} (tagged {@code status}:
 * visible or pending) and {@code shimbun.comments.refused} (tagged {@code reason}, one of
 * {@link Refusal}). Every series exists from the start, at zero.
 */
@Component
class CommentMetrics {

	/** Why a comment was not stored. */
	enum Refusal {

		/**
		 * The robots' honeypot field was filled in (the poster is told it was posted).
		 */
		HONEYPOT,
		/** Empty, too long, or a too long nickname. */
		VALIDATION,
		/** Comments are closed on the article. */
		CLOSED,
		/** A banned word in the text or nickname. */
		BANNED_WORD,
		/** The same text from the same client within the duplicate window. */
		DUPLICATE,
		/** A reply to a comment that readers no longer see, or to none. */
		PARENT_GONE,
		/** Too many comments from the client (429). */
		RATE_LIMITED,
		/** Not sent from a page of this site (403). */
		CROSS_SITE,
		/** A request body larger than the comment form can send (413). */
		TOO_LARGE,
		/** Parameters that could not be read or decoded (400). */
		MALFORMED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Counter visible;

	private final Counter pending;

	private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

	CommentMetrics(MeterRegistry registry) {
		this.visible = posted(registry, "visible");
		this.pending = posted(registry, "pending");
		for (Refusal refusal : Refusal.values()) {
			this.refused.put(refusal,
					Counter.builder("shimbun.comments.refused")
						.description("Readers' comments not stored, by reason")
						.tag("reason", refusal.tag())
						.register(registry));
		}
	}

	private static Counter posted(MeterRegistry registry, String status) {
		return Counter.builder("shimbun.comments.posted")
			.description("Readers' comments stored, shown at once (visible) or held for a moderator (pending)")
			.tag("status", status)
			.register(registry);
	}

	void posted(boolean visible) {
		(visible ? this.visible : this.pending).increment();
	}

	void refused(Refusal refusal) {
		this.refused.get(refusal).increment();
	}

}
