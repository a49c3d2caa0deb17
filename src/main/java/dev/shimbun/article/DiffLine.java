package dev.shimbun.article;

/**
 * One line of a comparison of two revisions. {@code oldHtml} and {@code newHtml} are
 * escaped text in which the changed characters are wrapped in {@code <del>} and
 * {@code <ins>} by the application.
 */
public record DiffLine(String tag, String oldHtml, String newHtml) {

	public boolean isChanged() {
		return !"EQUAL".equals(this.tag);
	}

}
