package dev.shimbun.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** One block of an article body ({@link BlockKind}), at a position. */
@Entity
@Table(name = "article_block")
public class ArticleBlock {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	private int position;

	@Enumerated(EnumType.STRING)
	private BlockKind kind;

	@Column(name = "body_text")
	private String text;

	/** A quote's source (inline markup). */
	private String source;

	/** An embed's address, or the address a related-article card was chosen by. */
	private String url;

	@Column(name = "related_article_id")
	private Long relatedArticleId;

	@Embedded
	private Figure figure;

	protected ArticleBlock() {
	}

	private ArticleBlock(Article article, int position, BlockKind kind, String text, Figure figure) {
		this.article = article;
		this.position = position;
		this.kind = kind;
		this.text = text;
		this.figure = figure;
	}

	static ArticleBlock paragraph(Article article, int position, String text) {
		return new ArticleBlock(article, position, BlockKind.PARAGRAPH, text, null);
	}

	static ArticleBlock figure(Article article, int position, Figure figure) {
		return new ArticleBlock(article, position, BlockKind.FIGURE, null, figure);
	}

	/** A block of another kind than a figure. */
	static ArticleBlock of(Article article, int position, BlockKind kind, String text, String source, String url,
			Long relatedArticleId) {
		ArticleBlock block = new ArticleBlock(article, position, kind, text, null);
		block.source = source;
		block.url = url;
		block.relatedArticleId = relatedArticleId;
		return block;
	}

	public Long getId() {
		return this.id;
	}

	public int getPosition() {
		return this.position;
	}

	public BlockKind getKind() {
		return this.kind;
	}

	public String getText() {
		return this.text;
	}

	public String getSource() {
		return this.source;
	}

	public String getUrl() {
		return this.url;
	}

	public Long getRelatedArticleId() {
		return this.relatedArticleId;
	}

	public Figure getFigure() {
		return this.figure;
	}

}
