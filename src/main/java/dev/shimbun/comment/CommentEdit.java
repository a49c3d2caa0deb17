package dev.shimbun.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A comment as it was before its author edited or took it back: the moderation history.
 */
@Entity
@Table(name = "comment_edit")
public class CommentEdit {

	/** What the author did. */
	public enum Change {

		EDITED, WITHDRAWN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "comment_id")
	private Long commentId;

	@Enumerated(EnumType.STRING)
	@Column(name = "change_kind")
	private Change change;

	private String nickname;

	private String body;

	@Enumerated(EnumType.STRING)
	private CommentStatus status;

	@Column(name = "changed_at")
	private Instant changedAt;

	protected CommentEdit() {
	}

	/** What the comment was before the change. */
	CommentEdit(Comment before, Change change, Instant changedAt) {
		this.commentId = before.getId();
		this.change = change;
		this.nickname = before.getNickname();
		this.body = before.getBody();
		this.status = before.getStatus();
		this.changedAt = changedAt;
	}

	public Long getCommentId() {
		return this.commentId;
	}

	public Change getChange() {
		return this.change;
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

	public Instant getChangedAt() {
		return this.changedAt;
	}

}
