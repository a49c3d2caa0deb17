package dev.shimbun.article;

/**
 * What a body block is. Text blocks hold inline markup ({@link InlineMarkup}) in their
 * text: a list one item per line, a quote one paragraph per line with its source apart.
 */
public enum BlockKind {

	/** A paragraph. */
	PARAGRAPH,
	/** A subheading (小見出し), a second-level heading. */
	HEADING,
	/** A lower subheading, a third-level heading. */
	SUBHEADING,
	/** A quotation, with its source. */
	QUOTE,
	/** A list with bullets, one item per line. */
	BULLETED_LIST,
	/** A numbered list, one item per line. */
	NUMBERED_LIST,
	/** An image with alt text, caption and credit. */
	FIGURE,
	/** A video or post elsewhere, shown as a link card (nothing loaded from its site). */
	EMBED,
	/** A card linking another article of the site. */
	RELATED,
	/** A thematic break. */
	SEPARATOR;

	/** Whether the block's words are its text (inline markup). */
	public boolean hasText() {
		return this != FIGURE && this != EMBED && this != RELATED && this != SEPARATOR;
	}

	/**
	 * Whether each line of the text is a part of its own (list items, quote paragraphs).
	 */
	public boolean hasLines() {
		return this == QUOTE || this == BULLETED_LIST || this == NUMBERED_LIST;
	}

}
