package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.Like;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.media.MediaView;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles as readers see them: one article's page, the latest, a category's pages, and
 * the pickers and counts of the admin pages. Feeds and sitemaps list them through
 * {@link ArticleListings}.
 */
@Service
@Transactional(readOnly = true)
public class ArticleService {

	/** Length of a meta description taken from the first paragraph, in code points. */
	static final int DESCRIPTION_LENGTH = 120;

	private final ArticleRepository articles;

	private final FigureImages figureImages;

	private final ArticleTextQueries texts;

	private final Clock clock;

	private final ZoneId zone;

	private final int categoryPageSize;

	ArticleService(ArticleRepository articles, FigureImages figureImages, ArticleTextQueries texts, Clock clock,
			ShimbunProperties properties) {
		this.articles = articles;
		this.figureImages = figureImages;
		this.texts = texts;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.categoryPageSize = properties.pages().categoryPageSize();
	}

	/** The published article with this slug, or {@link ArticleNotFoundException}. */
	public ArticleView getPublished(String slug) {
		Instant now = this.clock.instant();
		Article article = this.articles.findPageBySlug(slug)
			.filter((found) -> found.isVisibleAt(now))
			.orElseThrow(() -> new ArticleNotFoundException(slug));
		return view(article);
	}

	/**
	 * Whether readers see the article with this slug now: one small query, for what needs
	 * only that (a live-comments stream being opened).
	 */
	public boolean isPublished(String slug) {
		Instant now = this.clock.instant();
		return this.articles.findBySlug(slug).filter((found) -> found.isVisibleAt(now)).isPresent();
	}

	/**
	 * Any article, whatever its status, as its public page would show it: for previews.
	 */
	public ArticleView getForPreview(Long id) {
		return view(
				this.articles.findForEditing(id).orElseThrow(() -> new ArticleNotFoundException(String.valueOf(id))));
	}

	/**
	 * An article that is not stored (an editor's draft) as its page would show it, in the
	 * place of the stored one: its address, views and comments are the stored one's.
	 */
	ArticleView previewOf(Article unsaved, Article saved) {
		ArticleView shown = view(unsaved);
		return new ArticleView(saved.getId(), saved.getSlug(), shown.headline(), shown.description(),
				shown.categoryName(), shown.categorySlug(), shown.authorName(), shown.authorEmail(),
				shown.publishedAt(), shown.updatedAt(), saved.getViewCount(), shown.blocks(), shown.corrections(),
				saved.getCommentMode(), saved.acceptsCommentsAt(this.clock.instant()));
	}

	private ArticleView view(Article article) {
		Map<Long, MediaView> media = this.figureImages.items(article.getBlocks()
			.stream()
			.filter((block) -> block.getFigure() != null && block.getFigure().getMediaId() != null)
			.map((block) -> block.getFigure().getMediaId())
			.toList());
		Map<Long, ArticleSummary> related = related(article);
		List<BlockView> blocks = article.getBlocks()
			.stream()
			.map((block) -> BlockView.of(block, media, related))
			.flatMap(java.util.Optional::stream)
			.toList();
		Author author = article.getAuthor();
		Instant published = (article.getPublishedAt() != null) ? article.getPublishedAt() : article.getUpdatedAt();
		List<CorrectionView> corrections = article.getCorrections()
			.stream()
			.map((correction) -> new CorrectionView(correction.getNotedAt().atZone(this.zone), correction.getBody()))
			.toList();
		return new ArticleView(article.getId(), article.getSlug(), article.getHeadline(), describe(article, blocks),
				article.getCategory().getName(), article.getCategory().getSlug(), author.getDisplayName(),
				author.getContactEmail(), published.atZone(this.zone), article.getUpdatedAt().atZone(this.zone),
				article.getViewCount(), blocks, corrections, article.getCommentMode(),
				article.acceptsCommentsAt(this.clock.instant()));
	}

	/** How many articles there are in each status, for the dashboard. */
	public Map<ArticleStatus, Long> countByStatus() {
		Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
		for (ArticleStatus status : ArticleStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : this.articles.countByStatus()) {
			counts.put((ArticleStatus) row[0], (Long) row[1]);
		}
		return counts;
	}

	/** The newest published articles, newest first. */
	public List<ArticleSummary> latest(int limit) {
		return inOrder(this.articles.findLatestPublishedIds(this.clock.instant(), PageRequest.of(0, limit))).stream()
			.map(this::summary)
			.toList();
	}

	/**
	 * Published articles whose headline contains a text, newest first: for pickers in
	 * admin pages.
	 */
	public List<ArticleSummary> findPublishedByHeadline(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return this.articles
			.findPublishedByHeadlineLike(Like.contains(text), this.clock.instant(), PageRequest.of(0, limit))
			.stream()
			.map(this::summary)
			.toList();
	}

	/** One page (0-based) of a category's published articles, newest first. */
	/**
	 * A page (from 0) of a category's visible articles, newest first; an empty page for
	 * an index whose offset would not fit an {@code int} (no category is that long).
	 */
	public Page<ArticleSummary> pageInCategory(Long categoryId, int pageIndex) {
		if ((long) pageIndex * this.categoryPageSize > Integer.MAX_VALUE - this.categoryPageSize) {
			return Page.empty(PageRequest.of(0, this.categoryPageSize));
		}
		Instant now = this.clock.instant();
		PageRequest page = PageRequest.of(pageIndex, this.categoryPageSize);
		List<Long> ids = this.articles.findPublishedIdsInCategory(categoryId, now, page);
		// the category's articles by its index, less the few readers do not see: counting
		// the visible ones would read every article of the category
		long total = this.articles.countByCategoryId(categoryId) - this.texts.countHiddenInCategory(categoryId, now);
		List<ArticleSummary> summaries = inOrder(ids).stream().map(this::summary).toList();
		return new PageImpl<>(summaries, page, total);
	}

	/** The articles of these ids, with their categories, in the order of the ids. */
	private List<Article> inOrder(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Article> loaded = new java.util.HashMap<>();
		this.articles.findWithCategoryByIdIn(ids).forEach((article) -> loaded.put(article.getId(), article));
		return ids.stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
	}

	private ArticleSummary summary(Article article) {
		return new ArticleSummary(article.getId(), article.getSlug(), article.getHeadline(),
				article.getCategory().getName(), article.getCategory().getSlug(),
				article.getPublishedAt().atZone(this.zone));
	}

	/**
	 * The visible articles that related-article cards of this one point to, by id (the
	 * others are not shown).
	 */
	private Map<Long, ArticleSummary> related(Article article) {
		List<Long> ids = article.getBlocks()
			.stream()
			.map(ArticleBlock::getRelatedArticleId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		Instant now = this.clock.instant();
		Map<Long, ArticleSummary> related = new java.util.HashMap<>();
		this.articles.findWithCategoryByIdIn(ids)
			.stream()
			.filter((candidate) -> candidate.isVisibleAt(now))
			.forEach((candidate) -> related.put(candidate.getId(), summary(candidate)));
		return related;
	}

	/**
	 * The article's summary, or else the start of its first paragraph (of its first text
	 * block when it has no paragraph), or else its headline.
	 */
	static String describe(Article article, List<BlockView> blocks) {
		if (article.getSummary() != null && !article.getSummary().isBlank()) {
			return article.getSummary();
		}
		return blocks.stream()
			.filter((block) -> block.kind() == BlockKind.PARAGRAPH)
			.map(BlockView::plainText)
			.filter((text) -> !text.isBlank())
			.findFirst()
			.or(() -> blocks.stream()
				.filter((block) -> block.kind().hasText())
				.map(BlockView::plainText)
				.filter((text) -> !text.isBlank())
				.findFirst())
			.map(ArticleService::truncate)
			.orElse(article.getHeadline());
	}

	static String truncate(String text) {
		if (text.codePointCount(0, text.length()) <= DESCRIPTION_LENGTH) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, DESCRIPTION_LENGTH - 1)) + "…";
	}

}
