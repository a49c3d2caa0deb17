package dev.shimbun.article;

import java.util.List;

/**
 * One line of a comparison of two revisions: the line in each revision as pieces of plain
 * text, the changed pieces marked. Templates write each piece with {@code th:text}, so
 * that any text reads as written.
 *
 * @param tag {@code EQUAL}, {@code CHANGE}, {@code DELETE} or {@code INSERT}
 * @param older the line in the older revision (empty for an inserted line)
 * @param newer the line in the newer revision (empty for a deleted line)
 */
public record DiffLine(String tag, List<Piece> older, List<Piece> newer) {

	public boolean isChanged() {
		return !"EQUAL".equals(this.tag);
	}

	/** A piece of a line, changed or not. */
	public record Piece(String text, boolean changed) {

	}

}
