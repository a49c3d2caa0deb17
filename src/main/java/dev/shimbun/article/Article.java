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

/** A news article: headline, byline, category, publication state and an ordered body. */
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

	@Column(name = "view_count")
	private long viewCount;

	@Version
	private long version;

	@OneToMany(mappedBy = "article", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ArticleBlock> blocks = new ArrayList<>();

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

	/** Whether readers may see the article at the given instant. */
	public boolean isVisibleAt(Instant now) {
		return this.status == ArticleStatus.PUBLISHED && this.publishedAt != null && !this.publishedAt.isAfter(now);
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

}
