package dev.shimbun.comment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The reactions table and the counts kept on each comment. */
@Repository
class CommentReactionTables {

	private final JdbcTemplate jdbc;

	CommentReactionTables(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds the comment's row until the transaction ends, if readers see it: a visible
	 * comment of the article, and a reply only while the comment it answers is visible
	 * too. Presses on one comment take turns.
	 * @return the top-level comment of its thread, or null when readers do not see it
	 */
	Long lockVisible(Long articleId, Long commentId) {
		List<Long> thread = this.jdbc.queryForList("""
				SELECT COALESCE(c.parent_id, c.id) FROM article_comment c
				WHERE c.id = ? AND c.article_id = ? AND c.status = 'VISIBLE'
				AND (c.parent_id IS NULL OR EXISTS (SELECT 1 FROM article_comment p
					WHERE p.id = c.parent_id AND p.status = 'VISIBLE'))
				FOR UPDATE""", Long.class, commentId, articleId);
		return thread.isEmpty() ? null : thread.get(0);
	}

	boolean exists(Long commentId, String clientHash, Reaction reaction) {
		return !this.jdbc
			.queryForList("SELECT 1 FROM comment_reaction WHERE comment_id = ? AND client_hash = ? AND reaction = ?",
					Integer.class, commentId, clientHash, reaction.name())
			.isEmpty();
	}

	void add(Long commentId, String clientHash, Reaction reaction, Instant now) {
		this.jdbc.update(
				"INSERT INTO comment_reaction (comment_id, client_hash, reaction, created_at) VALUES (?, ?, ?, ?)",
				commentId, clientHash, reaction.name(), Timestamp.from(now));
		this.jdbc.update(
				"UPDATE article_comment SET " + reaction.column() + " = " + reaction.column() + " + 1 WHERE id = ?",
				commentId);
	}

	void remove(Long commentId, String clientHash, Reaction reaction) {
		this.jdbc.update("DELETE FROM comment_reaction WHERE comment_id = ? AND client_hash = ? AND reaction = ?",
				commentId, clientHash, reaction.name());
		this.jdbc.update(
				"UPDATE article_comment SET " + reaction.column() + " = " + reaction.column() + " - 1 WHERE id = ?",
				commentId);
	}

	/** One comment's counts. */
	ReactionCounts countsOf(Long commentId) {
		return this.jdbc.queryForObject(
				"SELECT empathy_count, insight_count, doubt_count FROM article_comment WHERE id = ?",
				(row, n) -> new ReactionCounts(row.getInt("empathy_count"), row.getInt("insight_count"),
						row.getInt("doubt_count")),
				commentId);
	}

	/** The counts of each visible comment of the article, by comment id. */
	Map<Long, ReactionCounts> counts(Long articleId) {
		Map<Long, ReactionCounts> counts = new HashMap<>();
		this.jdbc.query("""
				SELECT c.id, c.empathy_count, c.insight_count, c.doubt_count FROM article_comment c
				WHERE c.article_id = ? AND c.status = 'VISIBLE' AND (c.parent_id IS NULL OR EXISTS (
					SELECT 1 FROM article_comment p WHERE p.id = c.parent_id AND p.status = 'VISIBLE'))""", (row) -> {
			counts.put(row.getLong("id"), new ReactionCounts(row.getInt("empathy_count"), row.getInt("insight_count"),
					row.getInt("doubt_count")));
		}, articleId);
		return counts;
	}

	/** The reactions this client has pressed on the article's comments. */
	List<Pressed> pressed(Long articleId, String clientHash) {
		return this.jdbc.query("""
				SELECT r.comment_id, r.reaction FROM comment_reaction r
				JOIN article_comment c ON c.id = r.comment_id
				WHERE c.article_id = ? AND r.client_hash = ?""",
				(row, n) -> new Pressed(row.getLong("comment_id"), Reaction.valueOf(row.getString("reaction"))),
				articleId, clientHash);
	}

	record Pressed(Long commentId, Reaction reaction) {
	}

}
