package dev.shimbun.article;

import dev.shimbun.media.MediaView;

/**
 * A body block for the template: a paragraph ({@code text}) or a figure (the other
 * fields).
 */
public record BlockView(BlockKind kind, String text, String imageUrl, String srcset, Integer width, Integer height,
		String caption, String altText, String credit) {

	public boolean isFigure() {
		return this.kind == BlockKind.FIGURE;
	}

	/**
	 * A paragraph's contents as HTML ({@link InlineMarkup}: only its elements, escaped).
	 */
	public String html() {
		return InlineMarkup.html(this.text);
	}

	/** A paragraph's words without markup. */
	public String plainText() {
		return InlineMarkup.plainText(this.text);
	}

	/**
	 * The block as readers see it. A figure showing a media item takes its image from it,
	 * and its texts where the figure has none of its own; a figure whose media item is
	 * gone is left out.
	 */
	static java.util.Optional<BlockView> of(ArticleBlock block, java.util.Map<Long, MediaView> media) {
		Figure figure = block.getFigure();
		if (block.getKind() != BlockKind.FIGURE || figure == null) {
			return java.util.Optional
				.of(new BlockView(BlockKind.PARAGRAPH, block.getText(), null, null, null, null, null, null, null));
		}
		if (figure.getMediaId() != null) {
			MediaView item = media.get(figure.getMediaId());
			if (item == null) {
				return java.util.Optional.empty();
			}
			MediaView shown = item.withOverrides(figure.getAltText(), figure.getCaption(), figure.getCredit());
			return java.util.Optional.of(new BlockView(BlockKind.FIGURE, null, shown.src(), shown.srcset(),
					shown.width(), shown.height(), shown.caption(), shown.altText(), shown.credit()));
		}
		if (figure.getImageUrl() == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new BlockView(BlockKind.FIGURE, null, figure.getImageUrl(), null,
				figure.getWidth(), figure.getHeight(), figure.getCaption(), figure.getAltText(), figure.getCredit()));
	}

}
