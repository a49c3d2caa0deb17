package dev.shimbun.comment;

import java.time.Instant;

import dev.shimbun.article.Article;
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
import jakarta.persistence.Table;

/** A reader's comment on an article. */
@Entity
@Table(name = "article_comment")
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	private String nickname;

	private String body;

	@Enumerated(EnumType.STRING)
	private CommentStatus status;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Comment() {
	}

	public Comment(Article article, String nickname, String body, CommentStatus status, Instant createdAt) {
		this.article = article;
		this.nickname = nickname;
		this.body = body;
		this.status = status;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getNickname() {
		return this.nickname;
	}

	public String getBody() {
		return this.body;
	}

	public CommentStatus getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
