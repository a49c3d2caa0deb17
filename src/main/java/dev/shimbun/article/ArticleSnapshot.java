package dev.shimbun.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.MessageSourceAccessor;

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

	/**
	 * The snapshot as lines of text, each field under its label from
	 * {@code messages.properties}, for a readable comparison of two revisions.
	 */
	List<String> lines(MessageSourceAccessor labels) {
		List<String> lines = new ArrayList<>();
		lines.add(labels.getMessage("revision.line.headline", new Object[] { this.headline }));
		lines.add(labels.getMessage("revision.line.slug", new Object[] { this.slug }));
		lines.add(labels.getMessage("revision.line.category", new Object[] { this.categoryName }));
		lines.add(labels.getMessage("revision.line.author", new Object[] { this.authorName }));
		lines.add(labels.getMessage("revision.line.status", new Object[] { String.valueOf(this.status) }));
		lines.add(labels.getMessage("revision.line.publishedAt", new Object[] { orDash(this.publishedAt) }));
		lines.add(labels.getMessage("revision.line.unpublishAt", new Object[] { orDash(this.unpublishAt) }));
		lines.add(labels.getMessage("revision.line.summary", new Object[] { nullToDash(this.summary) }));
		for (BlockContent block : this.blocks) {
			if (block.kind() == BlockKind.FIGURE) {
				String image = (block.mediaId() != null)
						? labels.getMessage("revision.line.media", new Object[] { String.valueOf(block.mediaId()) })
						: block.imageUrl();
				lines.add(labels.getMessage("revision.line.figure", new Object[] { image, nullToDash(block.altText()),
						nullToDash(block.caption()), nullToDash(block.credit()) }));
			}
			else if (block.kind() == null || block.kind() == BlockKind.PARAGRAPH) {
				lines.add(labels.getMessage("revision.line.paragraph", new Object[] { block.text() }));
			}
			else {
				String kind = labels.getMessage("articles.block.kind." + block.kind().name());
				String content = (block.kind() == BlockKind.EMBED || block.kind() == BlockKind.RELATED)
						? block.url() + ((block.text() != null) ? " " + block.text() : "") : nullToDash(block.text());
				lines.add(labels.getMessage("revision.line.block", new Object[] { kind, content }));
				if (block.source() != null) {
					lines.add(labels.getMessage("revision.line.quoteSource", new Object[] { block.source() }));
				}
			}
		}
		return lines;
	}

	private static String orDash(Instant instant) {
		return (instant != null) ? instant.toString() : "—";
	}

	private static String nullToDash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

}
