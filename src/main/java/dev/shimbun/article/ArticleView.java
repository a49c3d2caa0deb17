package dev.shimbun.article;

import java.time.ZonedDateTime;
import java.util.List;

/** Everything the article page shows of an article. */
public record ArticleView(Long id, String slug, String headline, String description, String categoryName,
		String categorySlug, String authorName, String authorEmail, ZonedDateTime publishedAt, ZonedDateTime updatedAt,
		long viewCount, List<BlockView> blocks, List<CorrectionView> corrections, CommentMode commentMode,
		boolean commentsOpen) {

	public String path() {
		return ArticlePaths.of(this.slug);
	}

	/**
	 * The words of the whole body without markup, a blank line between blocks: the
	 * JSON-LD {@code articleBody}.
	 */
	public String bodyText() {
		return this.blocks.stream()
			.map(BlockView::plainText)
			.filter((text) -> !text.isBlank())
			.collect(java.util.stream.Collectors.joining("\n\n"));
	}

	public List<BlockView> figures() {
		return this.blocks.stream().filter(BlockView::isFigure).toList();
	}

	/** Teasers imported without their text have no body; the page says so. */
	public boolean hasBody() {
		return !this.blocks.isEmpty();
	}

	public boolean isPremoderated() {
		return this.commentMode == CommentMode.PREMODERATED;
	}

	public boolean isModified() {
		return this.updatedAt.isAfter(this.publishedAt);
	}

}
