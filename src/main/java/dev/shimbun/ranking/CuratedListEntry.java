package dev.shimbun.ranking;

import java.time.Instant;
import java.util.Objects;

import dev.shimbun.article.Article;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One place in a curated list: an article, an optional label (its category, say) and an
 * optional window in which it is shown.
 */
@Entity
@Table(name = "curated_list_entry")
public class CuratedListEntry {

	/** The longest label, in characters. */
	public static final int LABEL_LENGTH = 60;

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

	@Column(name = "starts_at")
	private Instant startsAt;

	@Column(name = "ends_at")
	private Instant endsAt;

	protected CuratedListEntry() {
	}

	CuratedListEntry(CuratedList list, int position, EntryPlan plan) {
		this.list = Objects.requireNonNull(list);
		this.article = Objects.requireNonNull(plan.article());
		place(position, plan);
	}

	/** Puts the entry at a position with the plan's label and window. */
	void place(int position, EntryPlan plan) {
		this.position = position;
		this.label = plan.label();
		this.startsAt = plan.startsAt();
		this.endsAt = plan.endsAt();
	}

	/**
	 * Whether readers see the entry at an instant: within its window, article visible.
	 */
	public boolean isShownAt(Instant now) {
		return isWithinWindowAt(now) && this.article.isVisibleAt(now);
	}

	/**
	 * Whether an instant is within the entry's window (start inclusive, end exclusive).
	 */
	public boolean isWithinWindowAt(Instant now) {
		return (this.startsAt == null || !this.startsAt.isAfter(now))
				&& (this.endsAt == null || this.endsAt.isAfter(now));
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

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public Instant getEndsAt() {
		return this.endsAt;
	}

}
