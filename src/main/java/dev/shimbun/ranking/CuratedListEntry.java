package dev.shimbun.ranking;

import dev.shimbun.article.Article;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One place in a curated list: an article and an optional label (its category, say). */
@Entity
@Table(name = "curated_list_entry")
public class CuratedListEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "list_id")
	private CuratedList list;

	private int position;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	private String label;

	protected CuratedListEntry() {
	}

	public int getPosition() {
		return this.position;
	}

	public Article getArticle() {
		return this.article;
	}

	public String getLabel() {
		return this.label;
	}

}
