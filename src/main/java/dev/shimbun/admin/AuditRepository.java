package dev.shimbun.admin;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditRepository extends JpaRepository<AuditEvent, Long> {

	@Query("""
			select e from AuditEvent e
			where (:actor is null or e.actor = :actor)
			and (:action is null or e.action = :action)
			and (:targetType is null or e.targetType = :targetType)
			and (:from is null or e.occurredAt >= :from)
			and (:to is null or e.occurredAt < :to)
			order by e.occurredAt desc, e.id desc
			""")
	Page<AuditEvent> search(String actor, AuditAction action, String targetType, Instant from, Instant to,
			Pageable pageable);

	List<AuditEvent> findTop10ByActionInOrderByOccurredAtDescIdDesc(List<AuditAction> actions);

}
