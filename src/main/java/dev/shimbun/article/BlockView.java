package dev.shimbun.article;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.shimbun.media.MediaView;

/**
 * A body block for the template, by {@link BlockKind}: the inline markup of a text block
 * ({@code text}, a quote's {@code source}), a figure's image and texts, an embed's
 * address and title, a related article's path ({@code url}) and headline ({@code title}).
 */
public record BlockView(BlockKind kind, String text, String imageUrl, String srcset, Integer width, Integer height,
		String caption, String altText, String credit, String source, String url, String title) {

	/** A text block. */
	static BlockView text(BlockKind kind, String text, String source) {
		return new BlockView(kind, text, null, null, null, null, null, null, null, source, null, null);
	}

	public boolean isFigure() {
		return this.kind == BlockKind.FIGURE;
	}

	/** The name of the kind, for the template to choose the element. */
	public String kindName() {
		return this.kind.name();
	}

	/** The text's contents as HTML ({@link InlineMarkup}: only its elements, escaped). */
	public String html() {
		return InlineMarkup.html(this.text);
	}

	/** Each line of the text as HTML: the items of a list, the paragraphs of a quote. */
	public List<String> lines() {
		return (this.text != null) ? this.text.lines().map(InlineMarkup::html).toList() : List.of();
	}

	/** A quote's source as HTML, or null. */
	public String sourceHtml() {
		return (this.source != null && !this.source.isBlank()) ? InlineMarkup.html(this.source) : null;
	}

	/** The site an embed shows, as readers know it ({@code youtube.com}). */
	public String host() {
		return host(this.url);
	}

	/** An embed's title in words, or its address when it has none. */
	public String embedTitle() {
		return (this.text != null && !this.text.isBlank()) ? InlineMarkup.plainText(this.text) : this.url;
	}

	/**
	 * What a reader reads of the block, without markup: for search, feeds, descriptions
	 * and JSON-LD. Figures and separators have none.
	 */
	public String plainText() {
		switch (this.kind) {
			case FIGURE:
			case SEPARATOR:
				return "";
			case EMBED:
				return embedTitle();
			case RELATED:
				return (this.title != null) ? this.title : "";
			case QUOTE:
				String source = (this.source != null && !this.source.isBlank())
						? "\n" + InlineMarkup.plainText(this.source) : "";
				return InlineMarkup.plainText(this.text) + source;
			default:
				return InlineMarkup.plainText(this.text);
		}
	}

	/** An {@code http} or {@code https} address with a host, fit to be linked. */
	static boolean isWebAddress(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && InlineMarkup.allowedHref(url)
				&& !host(url).equals(url);
	}

	static String host(String url) {
		if (url == null) {
			return null;
		}
		try {
			String host = URI.create(url).getHost();
			if (host == null) {
				return url;
			}
			host = host.toLowerCase(Locale.ROOT);
			return host.startsWith("www.") ? host.substring(4) : host;
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	/**
	 * The block as readers see it. A figure showing a media item takes its image from it,
	 * and its texts where the figure has none of its own; a figure whose media item is
	 * gone, and a related article that is gone or not visible, are left out.
	 */
	static Optional<BlockView> of(ArticleBlock block, Map<Long, MediaView> media, Map<Long, ArticleSummary> related) {
		BlockKind kind = (block.getKind() != null) ? block.getKind() : BlockKind.PARAGRAPH;
		Figure figure = block.getFigure();
		switch (kind) {
			case FIGURE:
				return (figure != null) ? figure(figure, media) : Optional.empty();
			case EMBED:
				if (block.getUrl() == null || !isWebAddress(block.getUrl())) {
					// only what the editor's rules let in is linked
					return Optional.empty();
				}
				return Optional.of(new BlockView(kind, block.getText(), null, null, null, null, null, null, null, null,
						block.getUrl(), null));
			case RELATED:
				return Optional.ofNullable(block.getRelatedArticleId())
					.map(related::get)
					.map((article) -> new BlockView(kind, null, null, null, null, null, null, null, null, null,
							ArticlePaths.of(article.slug()), article.headline()));
			default:
				return Optional.of(text(kind, block.getText(), block.getSource()));
		}
	}

	private static Optional<BlockView> figure(Figure figure, Map<Long, MediaView> media) {
		if (figure.getMediaId() != null) {
			MediaView item = media.get(figure.getMediaId());
			if (item == null) {
				return Optional.empty();
			}
			MediaView shown = item.withOverrides(figure.getAltText(), figure.getCaption(), figure.getCredit());
			return Optional.of(new BlockView(BlockKind.FIGURE, null, shown.src(), shown.srcset(), shown.width(),
					shown.height(), shown.caption(), shown.altText(), shown.credit(), null, null, null));
		}
		if (figure.getImageUrl() == null) {
			return Optional.empty();
		}
		return Optional.of(new BlockView(BlockKind.FIGURE, null, figure.getImageUrl(), null, figure.getWidth(),
				figure.getHeight(), figure.getCaption(), figure.getAltText(), figure.getCredit(), null, null, null));
	}

}
