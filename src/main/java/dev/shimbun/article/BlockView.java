package dev.shimbun.article;

/**
 * A body block for the template: a paragraph ({@code text}) or a figure (the other
 * fields).
 */
public record BlockView(BlockKind kind, String text, String imageUrl, Integer width, Integer height, String caption,
		String altText, String credit) {

	public boolean isFigure() {
		return this.kind == BlockKind.FIGURE;
	}

	static BlockView of(ArticleBlock block) {
		Figure figure = block.getFigure();
		if (block.getKind() == BlockKind.FIGURE && figure != null) {
			return new BlockView(BlockKind.FIGURE, null, figure.getImageUrl(), figure.getWidth(), figure.getHeight(),
					figure.getCaption(), figure.getAltText(), figure.getCredit());
		}
		return new BlockView(BlockKind.PARAGRAPH, block.getText(), null, null, null, null, null, null);
	}

}
