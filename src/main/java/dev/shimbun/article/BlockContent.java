package dev.shimbun.article;

/**
 * A body block as editors write it and revisions store it: the text of a text block (with
 * a quote's source), an embed's address and title, a related article, or a figure's image
 * (a media item or a site file) with caption, alt text and credit.
 *
 * @param kind what the block is
 * @param text inline markup: the words of a text block, an embed's title
 * @param mediaId a figure's media item
 * @param imageUrl a figure's site file
 * @param width a figure's width
 * @param height a figure's height
 * @param caption a figure's caption
 * @param altText a figure's alt text
 * @param credit a figure's credit
 * @param source a quote's source (inline markup)
 * @param url an embed's address, or the address a related article was chosen by
 * @param relatedId a related article
 */
public record BlockContent(BlockKind kind, String text, Long mediaId, String imageUrl, Integer width, Integer height,
		String caption, String altText, String credit, String source, String url, Long relatedId) {

	public static BlockContent paragraph(String text) {
		return text(BlockKind.PARAGRAPH, text);
	}

	static BlockContent text(BlockKind kind, String text) {
		return new BlockContent(kind, text, null, null, null, null, null, null, null, null, null, null);
	}

	static BlockContent figure(Long mediaId, String imageUrl, Integer width, Integer height, String caption,
			String altText, String credit) {
		return new BlockContent(BlockKind.FIGURE, null, mediaId, imageUrl, width, height, caption, altText, credit,
				null, null, null);
	}

	static BlockContent of(ArticleBlock block) {
		Figure figure = block.getFigure();
		if (block.getKind() == BlockKind.FIGURE && figure != null) {
			return figure(figure.getMediaId(), figure.getImageUrl(), figure.getWidth(), figure.getHeight(),
					figure.getCaption(), figure.getAltText(), figure.getCredit());
		}
		// revisions stored before there were other kinds have none
		BlockKind kind = (block.getKind() != null) ? block.getKind() : BlockKind.PARAGRAPH;
		return new BlockContent(kind, block.getText(), null, null, null, null, null, null, null, block.getSource(),
				block.getUrl(), block.getRelatedArticleId());
	}

	/** The same block pointing at this related article. */
	BlockContent withRelated(Long id, String address) {
		return new BlockContent(this.kind, this.text, this.mediaId, this.imageUrl, this.width, this.height,
				this.caption, this.altText, this.credit, this.source, address, id);
	}

	ArticleBlock toBlock(Article article, int position) {
		if (this.kind == BlockKind.FIGURE) {
			return ArticleBlock.figure(article, position, new Figure(this.mediaId, this.imageUrl, this.width,
					this.height, this.caption, this.altText, this.credit));
		}
		BlockKind stored = (this.kind != null) ? this.kind : BlockKind.PARAGRAPH;
		return ArticleBlock.of(article, position, stored, this.text, this.source, this.url, this.relatedId);
	}

}
