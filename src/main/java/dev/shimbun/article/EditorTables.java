package dev.shimbun.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The editor's own tables: autosaved drafts ({@code article_autosave}) and who has an
 * article open ({@code article_presence}), for {@link ArticleDrafts} and
 * {@link ArticlePresence}.
 */
@Repository
class EditorTables {

	private final JdbcTemplate jdbc;

	EditorTables(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void saveDraft(String username, String key, Long articleId, String content, Instant now) {
		if (updateDraft(username, key, content, now) == 0) {
			try {
				this.jdbc.update(
						"INSERT INTO article_autosave (username, draft_key, article_id, form_json, saved_at) VALUES (?, ?, ?, ?, ?)",
						username, key, articleId, content, Timestamp.from(now));
			}
			catch (DuplicateKeyException ex) {
				// the same person's other tab inserted it a moment ago: the later one
				// wins
				updateDraft(username, key, content, now);
			}
		}
	}

	private int updateDraft(String username, String key, String content, Instant now) {
		return this.jdbc.update(
				"UPDATE article_autosave SET form_json = ?, saved_at = ? WHERE username = ? AND draft_key = ?", content,
				Timestamp.from(now), username, key);
	}

	List<StoredDraft> findDraft(String username, String key) {
		return this.jdbc.query("SELECT form_json, saved_at FROM article_autosave WHERE username = ? AND draft_key = ?",
				(row, n) -> new StoredDraft(row.getString("form_json"), row.getTimestamp("saved_at").toInstant()),
				username, key);
	}

	void deleteDraft(String username, String key) {
		this.jdbc.update("DELETE FROM article_autosave WHERE username = ? AND draft_key = ?", username, key);
	}

	void forgetAbsent(Long articleId, Instant seenBefore) {
		this.jdbc.update("DELETE FROM article_presence WHERE article_id = ? AND seen_at < ?", articleId,
				Timestamp.from(seenBefore));
	}

	boolean heldByOther(Long articleId, String username) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT COUNT(*) > 0 FROM article_presence WHERE article_id = ? AND holds AND username <> ?",
				Boolean.class, articleId, username));
	}

	/**
	 * Marks the staff member present, holding the article if {@code take} or holding it
	 * already.
	 */
	void present(Long articleId, String username, Instant now, boolean take) {
		int updated = this.jdbc.update(
				"UPDATE article_presence SET seen_at = ?, holds = (holds OR ?) WHERE article_id = ? AND username = ?",
				Timestamp.from(now), take, articleId, username);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO article_presence (article_id, username, seen_at, holds) VALUES (?, ?, ?, ?)",
					articleId, username, Timestamp.from(now), take);
		}
	}

	void releaseAll(Long articleId) {
		this.jdbc.update("UPDATE article_presence SET holds = FALSE WHERE article_id = ?", articleId);
	}

	void absent(Long articleId, String username) {
		this.jdbc.update("DELETE FROM article_presence WHERE article_id = ? AND username = ?", articleId, username);
	}

	List<Present> present(Long articleId) {
		return this.jdbc.query(
				"SELECT username, holds FROM article_presence WHERE article_id = ? ORDER BY holds DESC, seen_at",
				(row, n) -> new Present(row.getString("username"), row.getBoolean("holds")), articleId);
	}

	record StoredDraft(String content, Instant savedAt) {
	}

	record Present(String username, boolean holds) {
	}

}
