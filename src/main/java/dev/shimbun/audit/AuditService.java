package dev.shimbun.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import jakarta.persistence.criteria.Predicate;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log. Features record their actions through it, inside their own transaction,
 * so that a change and its audit line are stored together or not at all.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

	static final int PAGE_SIZE = 50;

	private static final int DETAIL_LENGTH = 1000;

	private final AuditRepository events;

	private final Clock clock;

	private final ZoneId zone;

	private final MessageSourceAccessor messages;

	AuditService(AuditRepository events, Clock clock, ShimbunProperties properties, MessageSource messages) {
		this.events = events;
		this.messages = new MessageSourceAccessor(messages, Locale.JAPANESE);
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * A detail for the log written from a message key in {@code messages.properties}: the
	 * log is kept in Japanese, like the admin pages that show it.
	 */
	public String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments);
	}

	/** Records an action by the signed-in staff member. */
	@Transactional
	public void record(AuditAction action, String targetType, Object targetId, String detail) {
		recordAs(SignedIn.username(), action, targetType, targetId, detail);
	}

	/**
	 * Records an action by a named actor (sign-in attempts happen before anyone is signed
	 * in).
	 */
	@Transactional
	public void recordAs(String actor, AuditAction action, String targetType, Object targetId, String detail) {
		String shortDetail = (detail != null && detail.length() > DETAIL_LENGTH) ? detail.substring(0, DETAIL_LENGTH)
				: detail;
		this.events.save(new AuditEvent(this.clock.instant(), actor, action, targetType,
				(targetId != null) ? String.valueOf(targetId) : null, shortDetail));
	}

	/**
	 * A page (index from 0) of the events that pass the filter, newest first; the last
	 * page when the log ends before, whatever the index.
	 */
	public Page<AuditEntry> search(AuditFilter filter, int pageIndex) {
		Instant from = (filter.from() != null) ? filter.from().atStartOfDay(this.zone).toInstant() : null;
		Instant to = (filter.to() != null) ? filter.to().plusDays(1).atStartOfDay(this.zone).toInstant() : null;
		String actor = blankToNull(filter.actor());
		String targetType = blankToNull(filter.targetType());
		// Only the filters given become conditions (a "? IS NULL OR ..." query cannot be
		// typed by PostgreSQL).
		Specification<AuditEvent> where = (root, query, criteria) -> {
			List<Predicate> conditions = new ArrayList<>();
			if (actor != null) {
				conditions.add(criteria.equal(root.get("actor"), actor));
			}
			if (filter.action() != null) {
				conditions.add(criteria.equal(root.get("action"), filter.action()));
			}
			if (targetType != null) {
				conditions.add(criteria.equal(root.get("targetType"), targetType));
			}
			if (from != null) {
				conditions.add(criteria.greaterThanOrEqualTo(root.get("occurredAt"), from));
			}
			if (to != null) {
				conditions.add(criteria.lessThan(root.get("occurredAt"), to));
			}
			return criteria.and(conditions.toArray(Predicate[]::new));
		};
		Sort newest = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
		return PageNumber
			.fetch(Math.max(pageIndex, 0) + 1, PAGE_SIZE,
					(index) -> this.events.findAll(where, PageRequest.of(index, PAGE_SIZE, newest)))
			.map(this::entry);
	}

	/** The latest edits to content, for the dashboard. */
	public List<AuditEntry> latestEdits() {
		return this.events
			.findTop10ByActionInOrderByOccurredAtDescIdDesc(List.of(AuditAction.ARTICLE_CREATED,
					AuditAction.ARTICLE_SAVED, AuditAction.ARTICLE_PUBLISHED, AuditAction.ARTICLE_UNPUBLISHED,
					AuditAction.ARTICLE_RESTORED, AuditAction.CORRECTION_ADDED, AuditAction.LIST_CHANGED))
			.stream()
			.map(this::entry)
			.toList();
	}

	private AuditEntry entry(AuditEvent event) {
		return new AuditEntry(event.getId(), event.getOccurredAt().atZone(this.zone), event.getActor(),
				event.getAction(), event.getTargetType(), event.getTargetId(), event.getDetail());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
