package dev.shimbun.article;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.shimbun.Like;
import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.category.Category;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.search.SearchIndexer;
import dev.shimbun.security.StaffService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What editors do to articles: search, create, edit with revisions and corrections,
 * schedule, restore and delete. Every change is audited in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class ArticleAdminService {

	static final int PAGE_SIZE = 30;

	private static final String SLUG_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final DateTimeFormatter SLUG_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final ArticleRepository articles;

	private final ArticleRevisionRepository revisions;

	private final AuthorRepository authors;

	private final EntityManager entityManager;

	private final FigureImages figureImages;

	private final AuditService audit;

	private final StaffService staff;

	private final SearchIndexer searchIndex;

	private final ClusterEvents cluster;

	private final Clock clock;

	private final ZoneId zone;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	ArticleAdminService(ArticleRepository articles, ArticleRevisionRepository revisions, AuthorRepository authors,
			EntityManager entityManager, FigureImages figureImages, AuditService audit, StaffService staff,
			SearchIndexer searchIndex, ClusterEvents cluster, Clock clock, ShimbunProperties properties) {
		this.searchIndex = searchIndex;
		this.cluster = cluster;
		this.figureImages = figureImages;
		this.articles = articles;
		this.revisions = revisions;
		this.authors = authors;
		this.entityManager = entityManager;
		this.audit = audit;
		this.staff = staff;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	public Page<ArticleRow> search(String text, ArticleStatus status, Long categoryId, int pageIndex) {
		String query = (text == null || text.isBlank()) ? null : text.strip();
		// Only the filters given become conditions; the text matches literally (no LIKE
		// wildcards).
		Specification<Article> where = (root, criteria, builder) -> {
			List<Predicate> conditions = new ArrayList<>();
			if (query != null) {
				conditions.add(builder.like(builder.lower(root.get("headline")), Like.contains(query), Like.ESCAPE));
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

	public List<AuthorOption> authors() {
		return this.authors.findAllByOrderByDisplayNameAsc()
			.stream()
			.map((author) -> new AuthorOption(author.getId(), author.getDisplayName()))
			.toList();
	}

	public ArticleForm form(Long id) {
		return ArticleForm.from(find(id), this.zone);
	}

	public EditorInfo info(Long id) {
		Article article = find(id);
		return new EditorInfo(article.getId(), article.getSlug(), article.getStatus(),
				article.isVisibleAt(this.clock.instant()), zoned(article.getUpdatedAt()),
				displayName(article.getUpdatedBy()), this.revisions.lastNumber(id));
	}

	/**
	 * The editor's rules beyond the form's own constraints: unique slug, existing
	 * category and author, sensible times, and no publication while a figure lacks alt
	 * text or an image.
	 */
	public List<FieldProblem> check(ArticleForm form, Long id) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.getSlug() != null && !form.getSlug().isBlank()) {
			boolean taken = (id == null) ? this.articles.existsBySlug(form.getSlug())
					: this.articles.existsBySlugAndIdNot(form.getSlug(), id);
			if (taken) {
				problems.add(new FieldProblem("slug", "article.error.slugTaken"));
			}
		}
		if (form.getCategoryId() != null && this.entityManager.find(Category.class, form.getCategoryId()) == null) {
			problems.add(new FieldProblem("categoryId", "article.error.noSuchCategory"));
		}
		if (form.getAuthorId() != null && this.authors.findById(form.getAuthorId()).isEmpty()) {
			problems.add(new FieldProblem("authorId", "article.error.noSuchAuthor"));
		}
		Instant now = this.clock.instant();
		Instant publishAt = instant(form.getPublishAt());
		Instant unpublishAt = instant(form.getUnpublishAt());
		if (form.getStatus() == ArticleStatus.SCHEDULED && (publishAt == null || !publishAt.isAfter(now))) {
			problems.add(new FieldProblem("publishAt", "article.error.scheduleNeedsFutureTime"));
		}
		if (unpublishAt != null && publishAt != null && !unpublishAt.isAfter(publishAt)) {
			problems.add(new FieldProblem("unpublishAt", "article.error.unpublishBeforePublish"));
		}
		else if (unpublishAt != null && form.getStatus().isPublic() && !unpublishAt.isAfter(now)) {
			problems.add(new FieldProblem("unpublishAt", "article.error.unpublishInPast"));
		}
		for (int i = 0; i < form.getBlocks().size(); i++) {
			BlockForm block = form.getBlocks().get(i);
			if (!block.isFigure()) {
				continue;
			}
			if (!block.hasImage()) {
				problems.add(new FieldProblem("blocks[" + i + "].mediaId", "article.error.figureNeedsImage"));
			}
			else if (block.getMediaId() != null && !this.figureImages.exists(block.getMediaId())) {
				problems.add(new FieldProblem("blocks[" + i + "].mediaId", "article.error.noSuchMedia"));
			}
			else if (form.getStatus().isPublic() && isBlank(block.getAltText())
					&& (block.getMediaId() == null || isBlank(this.figureImages.altText(block.getMediaId())))) {
				problems.add(new FieldProblem("blocks[" + i + "].altText", "article.error.altTextRequired"));
			}
		}
		return problems;
	}

	@Transactional
	public Long create(ArticleForm form) {
		Instant now = this.clock.instant();
		String username = SignedIn.username();
		String slug = isBlank(form.getSlug()) ? generateSlug(now) : form.getSlug();
		Article article = new Article(slug, form.getHeadline(), category(form.getCategoryId()),
				author(form.getAuthorId()), this.clock);
		apply(article, form, slug, now);
		article.touch(now, username);
		this.articles.saveAndFlush(article);
		storeRevision(article, username, null);
		this.audit.record(AuditAction.ARTICLE_CREATED, "article", article.getId(), article.getHeadline());
		auditStatus(article, null);
		this.searchIndex.index(article.getId());
		this.cluster.changed(Topic.ARTICLE, article.getId());
		return article.getId();
	}

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
			storeRevision(article, article.getUpdatedBy(), "initial");
		}
		ArticleStatus before = article.getStatus();
		String slug = isBlank(form.getSlug()) ? article.getSlug() : form.getSlug();
		apply(article, form, slug, now);
		article.touch(now, username);
		if (!isBlank(form.getCorrection()) && article.isVisibleAt(now)) {
			article.addCorrection(form.getCorrection().strip(), now, username);
			this.audit.record(AuditAction.CORRECTION_ADDED, "article", id, form.getCorrection().strip());
		}
		this.articles.saveAndFlush(article);
		storeRevision(article, username, null);
		this.audit.record(AuditAction.ARTICLE_SAVED, "article", id, article.getHeadline());
		auditStatus(article, before);
		this.searchIndex.index(id);
		this.cluster.changed(Topic.ARTICLE, id);
	}

	private void apply(Article article, ArticleForm form, String slug, Instant now) {
		article.rewrite(slug, form.getHeadline(), blankToNull(form.getSummary()), category(form.getCategoryId()),
				author(form.getAuthorId()), form.body());
		article.schedule(form.getStatus(), instant(form.getPublishAt()), instant(form.getUnpublishAt()), now);
		article.setCommentPolicy(form.getCommentMode(), form.getCommentsCloseAfterDays());
	}

	private void auditStatus(Article article, ArticleStatus before) {
		if (article.getStatus() == before) {
			return;
		}
		AuditAction action = switch (article.getStatus()) {
			case PUBLISHED -> AuditAction.ARTICLE_PUBLISHED;
			case SCHEDULED -> AuditAction.ARTICLE_SCHEDULED;
			case UNPUBLISHED -> AuditAction.ARTICLE_UNPUBLISHED;
			case DRAFT -> null;
		};
		if (action != null) {
			this.audit.record(action, "article", article.getId(), article.getHeadline());
		}
	}

	@Transactional
	public void delete(Long id) {
		Article article = find(id);
		this.audit.record(AuditAction.ARTICLE_DELETED, "article", id, article.getHeadline());
		this.articles.delete(article);
		this.cluster.changed(Topic.ARTICLE, id);
	}

	/**
	 * Publishes scheduled articles whose time has come and unpublishes those past their
	 * unpublish time. Readers see the change at its time anyway (visibility is computed
	 * from the times); this keeps the statuses and the audit log true.
	 * @return how many articles changed
	 */
	@Transactional
	public int applySchedule() {
		Instant now = this.clock.instant();
		int changed = 0;
		for (Article article : this.articles.findDueForScheduling(now)) {
			Optional<ArticleStatus> status = article.applySchedule(now);
			if (status.isPresent()) {
				changed++;
				AuditAction action = (status.get() == ArticleStatus.PUBLISHED) ? AuditAction.ARTICLE_PUBLISHED
						: AuditAction.ARTICLE_UNPUBLISHED;
				this.audit.recordAs("system", action, "article", article.getId(), article.getHeadline());
				this.cluster.changed(Topic.ARTICLE, article.getId());
			}
		}
		return changed;
	}

	public List<RevisionRow> revisions(Long id) {
		find(id);
		return this.revisions.findByArticleIdOrderByNumberDesc(id)
			.stream()
			.map((revision) -> new RevisionRow(revision.getNumber(), zoned(revision.getCreatedAt()),
					displayName(revision.getCreatedBy()), revision.getNote()))
			.toList();
	}

	/**
	 * A readable comparison of two revisions, line by line, changed characters marked.
	 */
	public List<DiffLine> diff(Long id, int from, int to) {
		List<String> older = snapshot(revision(id, from)).lines();
		List<String> newer = snapshot(revision(id, to)).lines();
		return RevisionDiff.compare(older, newer);
	}

	/**
	 * Restores the content of a revision (not its status or times); the restore is a new
	 * revision.
	 */
	@Transactional
	public void restore(Long id, int number) {
		Article article = find(id);
		ArticleSnapshot snapshot = snapshot(revision(id, number));
		Instant now = this.clock.instant();
		String username = SignedIn.username();
		Category category = Optional.ofNullable(snapshot.categoryId())
			.map((categoryId) -> this.entityManager.find(Category.class, categoryId))
			.orElse(article.getCategory());
		Author author = Optional.ofNullable(snapshot.authorId())
			.flatMap(this.authors::findById)
			.orElse(article.getAuthor());
		String slug = this.articles.existsBySlugAndIdNot(snapshot.slug(), id) ? article.getSlug() : snapshot.slug();
		// figures whose media item was deleted since are left out
		List<BlockContent> blocks = snapshot.blocks()
			.stream()
			.filter((block) -> block.mediaId() == null || this.figureImages.exists(block.mediaId()))
			.toList();
		article.rewrite(slug, snapshot.headline(), snapshot.summary(), category, author, blocks);
		article.touch(now, username);
		this.articles.saveAndFlush(article);
		storeRevision(article, username, "restored:" + number);
		this.audit.record(AuditAction.ARTICLE_RESTORED, "article", id, "版" + number + "を復元");
		this.searchIndex.index(id);
		this.cluster.changed(Topic.ARTICLE, id);
	}

	private void storeRevision(Article article, String username, String note) {
		int number = this.revisions.lastNumber(article.getId()) + 1;
		String content = this.json.writeValueAsString(ArticleSnapshot.of(article));
		this.revisions
			.save(new ArticleRevision(article.getId(), number, this.clock.instant(), username, note, content));
	}

	private ArticleRevision revision(Long id, int number) {
		return this.revisions.findByArticleIdAndNumber(id, number)
			.orElseThrow(() -> new ArticleNotFoundException(id + "@" + number));
	}

	private ArticleSnapshot snapshot(ArticleRevision revision) {
		return this.json.readValue(revision.getContent(), ArticleSnapshot.class);
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

	String generateSlug(Instant now) {
		String date = SLUG_DATE.format(now.atZone(this.zone));
		while (true) {
			StringBuilder slug = new StringBuilder(date).append('-');
			for (int i = 0; i < 6; i++) {
				slug.append(SLUG_ALPHABET.charAt(this.random.nextInt(SLUG_ALPHABET.length())));
			}
			if (!this.articles.existsBySlug(slug.toString())) {
				return slug.toString();
			}
		}
	}

	private Instant instant(LocalDateTime local) {
		return (local != null) ? local.atZone(this.zone).toInstant() : null;
	}

	private java.time.ZonedDateTime zoned(Instant instant) {
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
