package dev.shimbun.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

	List<AuditEvent> findTop10ByActionInOrderByOccurredAtDescIdDesc(List<AuditAction> actions);

}
