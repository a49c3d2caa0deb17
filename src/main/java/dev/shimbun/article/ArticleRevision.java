package dev.shimbun.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The whole content of an article as one save left it (a JSON {@link ArticleSnapshot}).
 */
@Entity
@Table(name = "article_revision")
class ArticleRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "article_id")
	private Long articleId;

	@Column(name = "revision_number")
	private int number;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	private String note;

	private String content;

	protected ArticleRevision() {
	}

	ArticleRevision(Long articleId, int number, Instant createdAt, String createdBy, String note, String content) {
		this.articleId = articleId;
		this.number = number;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.note = note;
		this.content = content;
	}

	Long getId() {
		return this.id;
	}

	Long getArticleId() {
		return this.articleId;
	}

	int getNumber() {
		return this.number;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	String getNote() {
		return this.note;
	}

	String getContent() {
		return this.content;
	}

}
