package dev.shimbun.audit;

import java.time.ZonedDateTime;

/** An audit log line for the admin pages. */
public record AuditEntry(Long id, ZonedDateTime occurredAt, String actor, AuditAction action, String targetType,
		String targetId, String detail) {

}
