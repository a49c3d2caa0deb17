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
import jakarta.persistence.Version;

/**
 * A reader's comment on an article. The poster is known only by a salted hash of the
 * address.
 */
@Entity
@Table(name = "article_comment")
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article_id")
	private Article article;

	/** The top-level comment this one replies to, or null for a top-level comment. */
	@Column(name = "parent_id")
	private Long parentId;

	private String nickname;

	private String body;

	@Enumerated(EnumType.STRING)
	private CommentStatus status;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "client_hash")
	private String clientHash;

	private boolean featured;

	/**
	 * Counted by the database only (CommentRepository.countReport), never written from
	 * here.
	 */
	@Column(name = "report_count", insertable = false, updatable = false)
	private int reportCount;

	@Column(name = "empathy_count", insertable = false, updatable = false)
	private int empathyCount;

	@Column(name = "insight_count", insertable = false, updatable = false)
	private int insightCount;

	@Column(name = "doubt_count", insertable = false, updatable = false)
	private int doubtCount;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "queue_reason")
	private String queueReason;

	/** The SHA-256 of the key its author got when posting (see {@link EditKeys}). */
	@Column(name = "edit_key_hash")
	private String editKeyHash;

	@Column(name = "edited_at")
	private Instant editedAt;

	@Version
	private long version;

	protected Comment() {
	}

	public Comment(Article article, String nickname, String body, CommentStatus status, Instant createdAt) {
		this(article, null, nickname, body, status, createdAt, null, null);
	}

	Comment(Article article, Long parentId, String nickname, String body, CommentStatus status, Instant createdAt,
			String clientHash, String queueReason) {
		this.article = article;
		this.parentId = parentId;
		this.nickname = nickname;
		this.body = body;
		this.status = status;
		this.createdAt = createdAt;
		this.clientHash = clientHash;
		this.queueReason = queueReason;
	}

	void keyForEdits(String keyHash) {
		this.editKeyHash = keyHash;
	}

	/**
	 * Its author changed it: the new text, and the state the comment rules give the new
	 * text.
	 */
	void edit(String nickname, String body, CommentStatus status, String queueReason, Instant now) {
		this.nickname = nickname;
		this.body = body;
		this.status = status;
		this.queueReason = queueReason;
		this.editedAt = now;
		if (status != CommentStatus.VISIBLE) {
			this.featured = false;
		}
	}

	/** Its author took it back. */
	void withdraw(Instant now) {
		this.status = CommentStatus.WITHDRAWN;
		this.featured = false;
		this.editedAt = now;
	}

	/** A moderator lets the comment be shown; reports received so far are settled. */
	void approve(Instant now) {
		this.status = CommentStatus.VISIBLE;
		this.reviewedAt = now;
	}

	void hide(Instant now) {
		this.status = CommentStatus.HIDDEN;
		this.featured = false;
		this.reviewedAt = now;
	}

	void feature(boolean featured) {
		this.featured = featured;
	}

	public Long getId() {
		return this.id;
	}

	public Article getArticle() {
		return this.article;
	}

	public Long getParentId() {
		return this.parentId;
	}

	/** The comment that heads this one's thread: its parent, or itself. */
	public Long getThreadId() {
		return (this.parentId != null) ? this.parentId : this.id;
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

	/** The keyed hash of the poster's address ({@link ClientHasher}), or null. */
	public String getClientHash() {
		return this.clientHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public boolean isFeatured() {
		return this.featured;
	}

	public int getReportCount() {
		return this.reportCount;
	}

	public Instant getReviewedAt() {
		return this.reviewedAt;
	}

	public String getQueueReason() {
		return this.queueReason;
	}

	String getEditKeyHash() {
		return this.editKeyHash;
	}

	/** When its author last changed it, or null. */
	public Instant getEditedAt() {
		return this.editedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** The reactions counted on the comment (kept by {@link CommentReactions}). */
	public ReactionCounts getReactions() {
		return new ReactionCounts(this.empathyCount, this.insightCount, this.doubtCount);
	}

}
