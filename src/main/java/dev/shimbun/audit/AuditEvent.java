package dev.shimbun.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the audit log: who did what to which thing, and when. Never changed. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private AuditAction action;

	@Column(name = "target_type")
	private String targetType;

	@Column(name = "target_id")
	private String targetId;

	private String detail;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, String actor, AuditAction action, String targetType, String targetId,
			String detail) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.targetType = targetType;
		this.targetId = targetId;
		this.detail = detail;
	}

	Long getId() {
		return this.id;
	}

	Instant getOccurredAt() {
		return this.occurredAt;
	}

	String getActor() {
		return this.actor;
	}

	AuditAction getAction() {
		return this.action;
	}

	String getTargetType() {
		return this.targetType;
	}

	String getTargetId() {
		return this.targetId;
	}

	String getDetail() {
		return this.detail;
	}

}
