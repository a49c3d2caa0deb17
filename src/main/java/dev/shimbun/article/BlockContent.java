package dev.shimbun.article;

/**
 * A body block as editors write it and revisions store it: a paragraph's text, or a
 * figure's image (a media item or a site file) with caption, alt text and credit.
 */
public record BlockContent(BlockKind kind, String text, Long mediaId, String imageUrl, Integer width, Integer height,
		String caption, String altText, String credit) {

	public static BlockContent paragraph(String text) {
		return new BlockContent(BlockKind.PARAGRAPH, text, null, null, null, null, null, null, null);
	}

	static BlockContent of(ArticleBlock block) {
		Figure figure = block.getFigure();
		if (block.getKind() == BlockKind.FIGURE && figure != null) {
			return new BlockContent(BlockKind.FIGURE, null, figure.getMediaId(), figure.getImageUrl(),
					figure.getWidth(), figure.getHeight(), figure.getCaption(), figure.getAltText(),
					figure.getCredit());
		}
		return paragraph(block.getText());
	}

	ArticleBlock toBlock(Article article, int position) {
		if (this.kind == BlockKind.FIGURE) {
			return ArticleBlock.figure(article, position, new Figure(this.mediaId, this.imageUrl, this.width,
					this.height, this.caption, this.altText, this.credit));
		}
		return ArticleBlock.paragraph(article, position, this.text);
	}

}
