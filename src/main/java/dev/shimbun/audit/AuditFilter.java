package dev.shimbun.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the audit log page; every one optional. */
public record AuditFilter(String actor, AuditAction action, String targetType,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

}
