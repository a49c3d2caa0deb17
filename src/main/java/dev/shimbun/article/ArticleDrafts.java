package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editor's autosave: the signed-in staff member's unsaved form for an article (or for
 * a new article), kept apart from the article and its revisions. Saving the article or
 * discarding the draft removes it; reopening the editor offers it back.
 */
@Service
@Transactional
public class ArticleDrafts {

	static final String NEW = "new";

	private final EditorTables tables;

	private final Clock clock;

	private final ZoneId zone;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	ArticleDrafts(EditorTables tables, Clock clock, ShimbunProperties properties) {
		this.tables = tables;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * Keeps the form as the signed-in staff member's draft of the article (null: a new
	 * article), replacing their previous one.
	 * @return when it was kept
	 */
	public ZonedDateTime save(Long articleId, ArticleForm form) {
		Instant now = this.clock.instant();
		this.tables.saveDraft(SignedIn.username(), key(articleId), articleId, this.json.writeValueAsString(form), now);
		return now.atZone(this.zone);
	}

	/**
	 * The signed-in staff member's draft of the article (null: a new article), if any.
	 */
	@Transactional(readOnly = true)
	public Optional<Draft> find(Long articleId) {
		return this.tables.findDraft(SignedIn.username(), key(articleId))
			.stream()
			.map((stored) -> read(stored.content(), stored.savedAt()))
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** Removes the signed-in staff member's draft of the article (null: a new one). */
	public void discard(Long articleId) {
		this.tables.deleteDraft(SignedIn.username(), key(articleId));
	}

	private Draft read(String content, Instant savedAt) {
		try {
			return new Draft(this.json.readValue(content, ArticleForm.class), savedAt.atZone(this.zone));
		}
		catch (JacksonException ex) {
			// a draft kept by an earlier version that no longer reads is offered no more
			return null;
		}
	}

	private static String key(Long articleId) {
		return (articleId != null) ? "article:" + articleId : NEW;
	}

	/**
	 * An unsaved draft.
	 *
	 * @param form the form as it was
	 * @param savedAt when it was kept
	 */
	public record Draft(ArticleForm form, ZonedDateTime savedAt) {
	}

}
