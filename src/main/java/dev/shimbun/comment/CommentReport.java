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

/** A reader's report of a comment: one per comment and client. */
@Entity
@Table(name = "comment_report")
class CommentReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "comment_id")
	private Long commentId;

	@Column(name = "client_hash")
	private String clientHash;

	@Enumerated(EnumType.STRING)
	private ReportReason reason;

	@Column(name = "created_at")
	private Instant createdAt;

	protected CommentReport() {
	}

	CommentReport(Long commentId, String clientHash, ReportReason reason, Instant createdAt) {
		this.commentId = commentId;
		this.clientHash = clientHash;
		this.reason = reason;
		this.createdAt = createdAt;
	}

	ReportReason getReason() {
		return this.reason;
	}

}
