package dev.shimbun.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of an article at one save: what a revision stores (as JSON) and restores.
 */
record ArticleSnapshot(String headline, String slug, String summary, Long categoryId, String categoryName,
		Long authorId, String authorName, ArticleStatus status, Instant publishedAt, Instant unpublishAt,
		List<BlockContent> blocks) {

	static ArticleSnapshot of(Article article) {
		return new ArticleSnapshot(article.getHeadline(), article.getSlug(), article.getSummary(),
				article.getCategory().getId(), article.getCategory().getName(), article.getAuthor().getId(),
				article.getAuthor().getDisplayName(), article.getStatus(), article.getPublishedAt(),
				article.getUnpublishAt(), article.getBlocks().stream().map(BlockContent::of).toList());
	}

	/** The snapshot as lines of text, for a readable comparison of two revisions. */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("見出し: " + this.headline);
		lines.add("スラッグ: " + this.slug);
		lines.add("カテゴリー: " + this.categoryName);
		lines.add("記者: " + this.authorName);
		lines.add("状態: " + this.status);
		lines.add("公開日時: " + ((this.publishedAt != null) ? this.publishedAt : "—"));
		lines.add("非公開日時: " + ((this.unpublishAt != null) ? this.unpublishAt : "—"));
		lines.add("概要: " + ((this.summary != null) ? this.summary : "—"));
		for (BlockContent block : this.blocks) {
			if (block.kind() == BlockKind.FIGURE) {
				lines.add("図: " + ((block.mediaId() != null) ? "メディア" + block.mediaId() : block.imageUrl())
						+ " / 代替テキスト: " + nullToDash(block.altText()) + " / キャプション: " + nullToDash(block.caption())
						+ " / クレジット: " + nullToDash(block.credit()));
			}
			else {
				lines.add("段落: " + block.text());
			}
		}
		return lines;
	}

	private static String nullToDash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

}
