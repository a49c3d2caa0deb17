package dev.shimbun.article;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.media.MediaView;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visible articles as feeds and sitemaps list them: the newest with their byline,
 * description and first image, every one with its last change, and the news of the last
 * days.
 */
@Service
@Transactional(readOnly = true)
public class ArticleListings {

	private final ArticleRepository articles;

	private final FigureImages figureImages;

	private final Clock clock;

	private final ZoneId zone;

	ArticleListings(ArticleRepository articles, FigureImages figureImages, Clock clock, ShimbunProperties properties) {
		this.articles = articles;
		this.figureImages = figureImages;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * The newest published articles of the site, or of one category, for feeds: newest
	 * first, with byline, description and first image.
	 * @param categoryId the category, or {@code null} for the whole site
	 */
	public List<FeedEntry> latestForFeed(Long categoryId, int limit) {
		Instant now = this.clock.instant();
		PageRequest page = PageRequest.of(0, limit);
		List<Long> ids = (categoryId != null) ? this.articles.findPublishedIdsInCategory(categoryId, now, page)
				: this.articles.findLatestPublishedIds(now, page);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Article> loaded = new HashMap<>();
		this.articles.findWithBodyByIdIn(ids).forEach((article) -> loaded.put(article.getId(), article));
		Map<Long, MediaView> media = this.figureImages.items(loaded.values()
			.stream()
			.flatMap((article) -> article.getBlocks().stream())
			.filter((block) -> block.getFigure() != null && block.getFigure().getMediaId() != null)
			.map((block) -> block.getFigure().getMediaId())
			.distinct()
			.toList());
		return ids.stream().map(loaded::get).map((article) -> feedEntry(article, media)).toList();
	}

	private FeedEntry feedEntry(Article article, Map<Long, MediaView> media) {
		List<BlockView> blocks = article.getBlocks()
			.stream()
			.sorted(Comparator.comparingInt(ArticleBlock::getPosition))
			.map((block) -> BlockView.of(block, media, Map.of()))
			.flatMap(Optional::stream)
			.toList();
		FeedEntry.Image image = article.getBlocks()
			.stream()
			.sorted(Comparator.comparingInt(ArticleBlock::getPosition))
			.filter((block) -> BlockView.of(block, media, Map.of()).filter(BlockView::isFigure).isPresent())
			.findFirst()
			.map((block) -> feedImage(block.getFigure(), media))
			.orElse(null);
		return new FeedEntry(ArticlePaths.of(article.getSlug()), article.getHeadline(),
				ArticleService.describe(article, blocks), article.getAuthor().getDisplayName(),
				article.getPublishedAt().atZone(this.zone), article.getUpdatedAt().atZone(this.zone),
				article.getCategory().getName(), article.getCategory().getSlug(), image);
	}

	/**
	 * The file a feed encloses for a figure: a media item's original with its stored type
	 * and size, or an image by address, its type told by its name and its size read when
	 * it is one of the site's own files.
	 */
	private static FeedEntry.Image feedImage(Figure figure, Map<Long, MediaView> media) {
		if (figure.getMediaId() != null) {
			MediaView item = media.get(figure.getMediaId());
			return new FeedEntry.Image(item.url(), item.contentType(), item.byteSize());
		}
		String url = figure.getImageUrl();
		String type = MediaTypeFactory.getMediaType(url.replaceFirst("[?#].*$", ""))
			.filter((mediaType) -> "image".equals(mediaType.getType()))
			.map((mediaType) -> mediaType.getType() + "/" + mediaType.getSubtype())
			.orElse(null);
		long length = 0;
		if (url.startsWith("/") && !url.startsWith("//") && !url.contains("..")) {
			ClassPathResource file = new ClassPathResource("static" + url);
			try {
				length = file.exists() ? file.contentLength() : 0;
			}
			catch (IOException ex) {
				length = 0;
			}
		}
		return new FeedEntry.Image(url, type, length);
	}

	/** How many articles readers can see now. */
	public long countPublished() {
		return this.articles.countPublished(this.clock.instant());
	}

	/**
	 * Published articles in the order they were created, from an offset: for sitemaps.
	 */
	public List<SitemapEntry> publishedForSitemap(long offset, int limit) {
		return this.articles.findPublishedStamps(this.clock.instant(), new OffsetRequest(offset, limit))
			.stream()
			.map((stamp) -> new SitemapEntry(ArticlePaths.of(stamp.slug()), stamp.updatedAt().atZone(this.zone)))
			.toList();
	}

	/**
	 * The last change of a published article in each category (by slug), for the sitemap;
	 * categories without one are left out.
	 */
	public Map<String, ZonedDateTime> lastModifiedByCategory() {
		Map<String, ZonedDateTime> result = new LinkedHashMap<>();
		for (Object[] row : this.articles.findLastUpdatedByCategory(this.clock.instant())) {
			result.put((String) row[0], ((Instant) row[1]).atZone(this.zone));
		}
		return result;
	}

	/**
	 * Articles published from an instant until now, newest first: for the news sitemap.
	 */
	public List<NewsEntry> publishedSince(Instant since, int limit) {
		return this.articles.findPublishedStampsSince(since, this.clock.instant(), PageRequest.of(0, limit))
			.stream()
			.map((stamp) -> new NewsEntry(ArticlePaths.of(stamp.slug()), stamp.headline(),
					stamp.publishedAt().atZone(this.zone)))
			.toList();
	}

}
