package dev.shimbun.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A dated 訂正・追記 note under a published article. */
@Entity
@Table(name = "article_correction")
public class ArticleCorrection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	@Column(name = "noted_at")
	private Instant notedAt;

	private String body;

	@Column(name = "created_by")
	private String createdBy;

	protected ArticleCorrection() {
	}

	ArticleCorrection(Article article, Instant notedAt, String body, String createdBy) {
		this.article = article;
		this.notedAt = notedAt;
		this.body = body;
		this.createdBy = createdBy;
	}

	public Instant getNotedAt() {
		return this.notedAt;
	}

	public String getBody() {
		return this.body;
	}

}
