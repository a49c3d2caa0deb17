package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.shimbun.category.Category;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * A news article: headline, byline, category, publication state and an ordered body. It
 * is longer than most classes because it is the aggregate root: its mapping, the intent
 * methods that keep its rules (rewrite, schedule, correct) and the accessors the views
 * read belong to the one entity.
 */
@Entity
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String headline;

	private String summary;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "category_id")
	private Category category;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "author_id")
	private Author author;

	@Enumerated(EnumType.STRING)
	private ArticleStatus status;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "unpublish_at")
	private Instant unpublishAt;

	@Column(name = "updated_by")
	private String updatedBy;

	@Enumerated(EnumType.STRING)
	@Column(name = "comment_mode")
	private CommentMode commentMode = CommentMode.OPEN;

	@Column(name = "comments_close_after_days")
	private Integer commentsCloseAfterDays;

	// written only by the view counter (ViewStore, a relative update): a save of the
	// article, which loaded it before, must not write back the count it read
	@Column(name = "view_count", insertable = false, updatable = false)
	private long viewCount;

	@Version
	private long version;

	@OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ArticleBlock> blocks = new ArrayList<>();

	@OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("notedAt")
	private List<ArticleCorrection> corrections = new ArrayList<>();

	protected Article() {
	}

	/** A new draft. */
	public Article(String slug, String headline, Category category, Author author, Clock clock) {
		this.slug = Objects.requireNonNull(slug);
		this.headline = Objects.requireNonNull(headline);
		this.category = Objects.requireNonNull(category);
		this.author = Objects.requireNonNull(author);
		this.status = ArticleStatus.DRAFT;
		this.updatedAt = clock.instant();
	}

	public Article addParagraph(String text) {
		this.blocks.add(ArticleBlock.paragraph(this, this.blocks.size(), text));
		return this;
	}

	public Article addFigure(Figure figure) {
		this.blocks.add(ArticleBlock.figure(this, this.blocks.size(), figure));
		return this;
	}

	/** Publishes the article now. */
	public void publish(Clock clock) {
		this.status = ArticleStatus.PUBLISHED;
		this.publishedAt = clock.instant();
		this.updatedAt = this.publishedAt;
	}

	/**
	 * Replaces what the article says: headline, slug, category, author, summary and body.
	 */
	void rewrite(String slug, String headline, String summary, Category category, Author author,
			List<BlockContent> body) {
		this.slug = Objects.requireNonNull(slug);
		this.headline = Objects.requireNonNull(headline);
		this.summary = summary;
		this.category = Objects.requireNonNull(category);
		this.author = Objects.requireNonNull(author);
		this.blocks.clear();
		for (BlockContent block : body) {
			this.blocks.add(block.toBlock(this, this.blocks.size()));
		}
	}

	/**
	 * Sets the status and the times. A published article keeps its first publication time
	 * unless another is given; one published for a future time is scheduled.
	 */
	void schedule(ArticleStatus status, Instant publishAt, Instant unpublishAt, Instant now) {
		ArticleStatus target = status;
		Instant publication = (publishAt != null) ? publishAt : this.publishedAt;
		if (target == ArticleStatus.PUBLISHED && publication == null) {
			publication = now;
		}
		if (target == ArticleStatus.PUBLISHED && publication.isAfter(now)) {
			target = ArticleStatus.SCHEDULED;
		}
		this.status = target;
		this.publishedAt = publication;
		this.unpublishAt = unpublishAt;
	}

	/**
	 * How the article takes comments, and after how many days from publication they close
	 * (if ever).
	 */
	void setCommentPolicy(CommentMode mode, Integer closeAfterDays) {
		this.commentMode = Objects.requireNonNull(mode);
		this.commentsCloseAfterDays = closeAfterDays;
	}

	/** Whether readers may post a comment at the given instant. */
	public boolean acceptsCommentsAt(Instant now) {
		if (this.commentMode == CommentMode.CLOSED || !isVisibleAt(now)) {
			return false;
		}
		return this.commentsCloseAfterDays == null
				|| now.isBefore(this.publishedAt.plus(java.time.Duration.ofDays(this.commentsCloseAfterDays)));
	}

	/** Records who saved and when. */
	void touch(Instant now, String username) {
		this.updatedAt = now;
		this.updatedBy = username;
	}

	/**
	 * Moves a scheduled article to published at its time and a public one to unpublished
	 * at its unpublish time.
	 * @return the new status if it changed
	 */
	java.util.Optional<ArticleStatus> applySchedule(Instant now) {
		if (this.status.isPublic() && this.unpublishAt != null && !this.unpublishAt.isAfter(now)) {
			this.status = ArticleStatus.UNPUBLISHED;
			return java.util.Optional.of(this.status);
		}
		if (this.status == ArticleStatus.SCHEDULED && this.publishedAt != null && !this.publishedAt.isAfter(now)) {
			this.status = ArticleStatus.PUBLISHED;
			return java.util.Optional.of(this.status);
		}
		return java.util.Optional.empty();
	}

	/** Adds a dated 訂正・追記 note; the article counts as modified then. */
	void addCorrection(String body, Instant now, String username) {
		this.corrections.add(new ArticleCorrection(this, now, body, username));
		touch(now, username);
	}

	/**
	 * Whether readers may see the article at the given instant: scheduled or published,
	 * from its publication time until its unpublish time.
	 */
	public boolean isVisibleAt(Instant now) {
		return this.status.isPublic() && this.publishedAt != null && !this.publishedAt.isAfter(now)
				&& (this.unpublishAt == null || this.unpublishAt.isAfter(now));
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getHeadline() {
		return this.headline;
	}

	public String getSummary() {
		return this.summary;
	}

	public Category getCategory() {
		return this.category;
	}

	public Author getAuthor() {
		return this.author;
	}

	public ArticleStatus getStatus() {
		return this.status;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getViewCount() {
		return this.viewCount;
	}

	public List<ArticleBlock> getBlocks() {
		return Collections.unmodifiableList(this.blocks);
	}

	public List<ArticleCorrection> getCorrections() {
		return Collections.unmodifiableList(this.corrections);
	}

	public Instant getUnpublishAt() {
		return this.unpublishAt;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public long getVersion() {
		return this.version;
	}

	public CommentMode getCommentMode() {
		return this.commentMode;
	}

	public Integer getCommentsCloseAfterDays() {
		return this.commentsCloseAfterDays;
	}

}
