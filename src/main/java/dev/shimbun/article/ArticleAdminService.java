package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.shimbun.Like;
import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import dev.shimbun.category.Category;
import dev.shimbun.security.StaffService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do to articles: search, create, edit with corrections, restore a revision
 * and delete. Each change stores a revision ({@link ArticleRevisions}) and publishes one
 * {@link ArticleChanged} in its transaction, which the audit log, the search index and
 * the other instances hear. The form's rules are checked before, by {@link ArticleRules};
 * scheduled times are applied by {@link ArticleSchedule}.
 */
@Service
@Transactional(readOnly = true)
public class ArticleAdminService {

	static final int PAGE_SIZE = 30;

	private final ArticleRepository articles;

	private final ArticleRevisions revisions;

	private final ArticleSlugs slugs;

	private final AuthorRepository authors;

	private final EntityManager entityManager;

	private final FigureImages figureImages;

	private final StaffService staff;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final ArticleService pages;

	ArticleAdminService(ArticleRepository articles, ArticleRevisions revisions, ArticleSlugs slugs,
			AuthorRepository authors, EntityManager entityManager, FigureImages figureImages, StaffService staff,
			ApplicationEventPublisher events, Clock clock, ShimbunProperties properties, ArticleService pages) {
		this.pages = pages;
		this.articles = articles;
		this.revisions = revisions;
		this.slugs = slugs;
		this.authors = authors;
		this.entityManager = entityManager;
		this.figureImages = figureImages;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * A page (index from 0) of the articles that pass the filters given, last updated
	 * first; the text matches the headline literally (no wildcards), whatever the case.
	 */
	public Page<ArticleRow> search(String text, ArticleStatus status, Long categoryId, int pageIndex) {
		String pattern = Like.contains(text);
		Specification<Article> where = (root, criteria, builder) -> {
			List<Predicate> conditions = new ArrayList<>();
			if (pattern != null) {
				conditions.add(builder.like(builder.lower(root.get("headline")), pattern, Like.ESCAPE));
			}
			if (status != null) {
				conditions.add(builder.equal(root.get("status"), status));
			}
			if (categoryId != null) {
				conditions.add(builder.equal(root.get("category").get("id"), categoryId));
			}
			return builder.and(conditions.toArray(Predicate[]::new));
		};
		Sort latest = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
		return PageNumber
			.fetch(Math.max(pageIndex, 0) + 1, PAGE_SIZE,
					(index) -> this.articles.findAll(where, PageRequest.of(index, PAGE_SIZE, latest)))
			.map((article) -> new ArticleRow(article.getId(), article.getSlug(), article.getHeadline(),
					article.getCategory().getName(), article.getStatus(), zoned(article.getPublishedAt()),
					zoned(article.getUpdatedAt()), article.getUpdatedBy()));
	}

	/**
	 * Up to ten articles whose headline contains the text, last updated first: what the
	 * editor offers for a related-article card.
	 */
	public List<ArticleLookup> lookup(String text) {
		if (isBlank(text)) {
			return List.of();
		}
		return search(text.strip(), null, null, 0).stream()
			.limit(10)
			.map((row) -> new ArticleLookup(row.id(), ArticlePaths.of(row.slug()), row.headline()))
			.toList();
	}

	/** The headlines of the articles these addresses name, by address. */
	public java.util.Map<String, String> relatedHeadlines(List<String> addresses) {
		java.util.Map<String, String> headlines = new java.util.HashMap<>();
		for (String address : addresses) {
			ArticlePaths.slugOfAddress(address)
				.flatMap(this.articles::findIdBySlug)
				.flatMap(this.articles::findById)
				.ifPresent((article) -> headlines.put(address, article.getHeadline()));
		}
		return headlines;
	}

	public List<AuthorOption> authors() {
		return this.authors.findAllByOrderByDisplayNameAsc()
			.stream()
			.map((author) -> new AuthorOption(author.getId(), author.getDisplayName()))
			.toList();
	}

	public ArticleForm form(Long id) {
		Article article = find(id);
		ArticleForm form = ArticleForm.from(article, this.zone);
		// a related-article card shows the address of its article now (the slug may have
		// changed since)
		for (int i = 0; i < article.getBlocks().size(); i++) {
			Long related = article.getBlocks().get(i).getRelatedArticleId();
			if (related != null) {
				BlockForm block = form.getBlocks().get(i);
				this.articles.findById(related).ifPresent((target) -> block.setUrl(ArticlePaths.of(target.getSlug())));
			}
		}
		return form;
	}

	public EditorInfo info(Long id) {
		Article article = find(id);
		return new EditorInfo(article.getId(), article.getSlug(), article.getStatus(),
				article.isVisibleAt(this.clock.instant()), zoned(article.getUpdatedAt()),
				displayName(article.getUpdatedBy()), this.revisions.lastNumber(id));
	}

	/**
	 * The article as it would read with this form saved (an editor's autosaved draft),
	 * for the preview: nothing is stored; what the form lacks is taken from the article.
	 */
	public ArticleView draftPreview(Long id, ArticleForm form) {
		Article saved = find(id);
		Category category = Optional.ofNullable(form.getCategoryId()).map(this::category).orElse(saved.getCategory());
		Author author = Optional.ofNullable(form.getAuthorId())
			.flatMap(this.authors::findById)
			.orElse(saved.getAuthor());
		String headline = isBlank(form.getHeadline()) ? saved.getHeadline() : form.getHeadline();
		Article unsaved = new Article(saved.getSlug(), headline, category, author, this.clock);
		List<BlockContent> blocks = form.body()
			.stream()
			.filter((block) -> block.mediaId() == null || this.figureImages.exists(block.mediaId()))
			.toList();
		unsaved.rewrite(saved.getSlug(), headline, blankToNull(form.getSummary()), category, author,
				withRelatedArticles(blocks));
		return this.pages.previewOf(unsaved, saved);
	}

	@Transactional
	public Long create(ArticleForm form) {
		Instant now = this.clock.instant();
		String username = SignedIn.username();
		String slug = isBlank(form.getSlug()) ? this.slugs.generate(now) : form.getSlug();
		Article article = new Article(slug, form.getHeadline(), category(form.getCategoryId()),
				author(form.getAuthorId()), this.clock);
		apply(article, form, slug, now);
		article.touch(now, username);
		this.articles.saveAndFlush(article);
		this.revisions.store(article, username, null);
		this.events.publishEvent(ArticleChanged.created(article));
		return article.getId();
	}

	/**
	 * Saves the form over the article, with the correction it adds if the article is
	 * visible.
	 * @throws ArticleConflictException if someone saved the article since the form was
	 * opened
	 */
	@Transactional
	public void update(Long id, ArticleForm form) {
		Article article = find(id);
		if (article.getVersion() != form.getVersion()) {
			throw new ArticleConflictException(displayName(article.getUpdatedBy()), zoned(article.getUpdatedAt()));
		}
		Instant now = this.clock.instant();
		String username = SignedIn.username();
		if (this.revisions.lastNumber(id) == 0) {
			// Articles that never went through the editor (the seed) keep their first
			// state.
			this.revisions.store(article, article.getUpdatedBy(), "initial");
		}
		ArticleStatus before = article.getStatus();
		String slugBefore = article.getSlug();
		List<Object> listedBefore = listed(article);
		String slug = isBlank(form.getSlug()) ? article.getSlug() : form.getSlug();
		apply(article, form, slug, now);
		article.touch(now, username);
		String correction = null;
		if (!isBlank(form.getCorrection()) && article.isVisibleAt(now)) {
			correction = form.getCorrection().strip();
			article.addCorrection(correction, now, username);
		}
		this.articles.saveAndFlush(article);
		this.revisions.store(article, username, null);
		this.events.publishEvent(
				ArticleChanged.saved(article, slugBefore, before, correction, !listedBefore.equals(listed(article))));
	}

	/**
	 * What lists, sidebars and links on other pages show of an article: its headline,
	 * category and publication time, and whether and when it is on the site at all.
	 */
	private static List<Object> listed(Article article) {
		return Arrays.asList(article.getHeadline(), article.getCategory().getId(), article.getStatus(),
				article.getPublishedAt(), article.getUnpublishAt());
	}

	private void apply(Article article, ArticleForm form, String slug, Instant now) {
		article.rewrite(slug, form.getHeadline(), blankToNull(form.getSummary()), category(form.getCategoryId()),
				author(form.getAuthorId()), withRelatedArticles(form.body()));
		article.schedule(form.getStatus(), instant(form.getPublishAt()), instant(form.getUnpublishAt()), now);
		article.setCommentPolicy(form.getCommentMode(), form.getCommentsCloseAfterDays());
	}

	/**
	 * The blocks with their related-article cards pointing at the articles their
	 * addresses name; a card whose article cannot be found is left out (the rules refuse
	 * it before).
	 */
	private List<BlockContent> withRelatedArticles(List<BlockContent> blocks) {
		List<BlockContent> resolved = new ArrayList<>();
		for (BlockContent block : blocks) {
			if (block.kind() != BlockKind.RELATED) {
				resolved.add(block);
				continue;
			}
			ArticlePaths.slugOfAddress(block.url())
				.flatMap(this.articles::findIdBySlug)
				.ifPresent((id) -> resolved.add(block.withRelated(id, block.url())));
		}
		return resolved;
	}

	@Transactional
	public void delete(Long id) {
		Article article = find(id);
		this.events.publishEvent(ArticleChanged.deleted(article));
		this.articles.delete(article);
	}

	/**
	 * Restores the content of a revision (not its status or times); the restore is a new
	 * revision. A slug another article took since is left as it is now; figures whose
	 * media item, and related-article cards whose article, was deleted since are left
	 * out.
	 */
	@Transactional
	public void restore(Long id, int number) {
		Article article = find(id);
		ArticleSnapshot snapshot = this.revisions.snapshot(id, number);
		Instant now = this.clock.instant();
		String username = SignedIn.username();
		Category category = Optional.ofNullable(snapshot.categoryId())
			.map((categoryId) -> this.entityManager.find(Category.class, categoryId))
			.orElse(article.getCategory());
		Author author = Optional.ofNullable(snapshot.authorId())
			.flatMap(this.authors::findById)
			.orElse(article.getAuthor());
		String slug = this.articles.existsBySlugAndIdNot(snapshot.slug(), id) ? article.getSlug() : snapshot.slug();
		List<BlockContent> blocks = snapshot.blocks()
			.stream()
			.filter((block) -> block.mediaId() == null || this.figureImages.exists(block.mediaId()))
			.filter((block) -> block.relatedId() == null || this.articles.existsById(block.relatedId()))
			.toList();
		article.rewrite(slug, snapshot.headline(), snapshot.summary(), category, author, blocks);
		article.touch(now, username);
		this.articles.saveAndFlush(article);
		this.revisions.store(article, username, "restored:" + number);
		this.events.publishEvent(ArticleChanged.restored(article, number));
	}

	private Article find(Long id) {
		return this.articles.findForEditing(id).orElseThrow(() -> new ArticleNotFoundException(String.valueOf(id)));
	}

	private Category category(Long id) {
		return this.entityManager.find(Category.class, id);
	}

	private Author author(Long id) {
		return this.authors.findById(id).orElseThrow();
	}

	private Instant instant(LocalDateTime local) {
		return (local != null) ? local.atZone(this.zone).toInstant() : null;
	}

	private ZonedDateTime zoned(Instant instant) {
		return (instant != null) ? instant.atZone(this.zone) : null;
	}

	private String displayName(String username) {
		return (username != null) ? this.staff.displayName(username) : null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return isBlank(value) ? null : value;
	}

	/** An author to choose in the editor. */
	public record AuthorOption(Long id, String displayName) {
	}

}
