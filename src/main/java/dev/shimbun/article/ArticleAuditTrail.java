package dev.shimbun.article;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each {@link ArticleChanged} to the audit log, in the transaction of the change:
 * what was done, a correction when one was added, and the new status when it changed.
 * Changes made by the schedule are recorded as the system's.
 */
@Component
class ArticleAuditTrail {

	private static final String TARGET = "article";

	private final AuditService audit;

	ArticleAuditTrail(AuditService audit) {
		this.audit = audit;
	}

	@EventListener
	void on(ArticleChanged change) {
		Long id = change.articleId();
		switch (change.change()) {
			case CREATED -> this.audit.record(AuditAction.ARTICLE_CREATED, TARGET, id, change.headline());
			case SAVED -> {
				if (change.correction() != null) {
					this.audit.record(AuditAction.CORRECTION_ADDED, TARGET, id, change.correction());
				}
				this.audit.record(AuditAction.ARTICLE_SAVED, TARGET, id, change.headline());
			}
			case RESTORED -> this.audit.record(AuditAction.ARTICLE_RESTORED, TARGET, id,
					this.audit.text("audit.detail.article.restored", change.restoredRevision()));
			case DELETED -> this.audit.record(AuditAction.ARTICLE_DELETED, TARGET, id, change.headline());
			case SCHEDULED -> {
				// recorded below, as the system's
			}
		}
		AuditAction status = statusAction(change);
		if (status != null) {
			String actor = (change.change() == ArticleChanged.Change.SCHEDULED) ? "system" : null;
			if (actor != null) {
				this.audit.recordAs(actor, status, TARGET, id, change.headline());
			}
			else {
				this.audit.record(status, TARGET, id, change.headline());
			}
		}
	}

	private static AuditAction statusAction(ArticleChanged change) {
		if (change.after() == null || change.after() == change.before()) {
			return null;
		}
		return switch (change.after()) {
			case PUBLISHED -> AuditAction.ARTICLE_PUBLISHED;
			case SCHEDULED -> AuditAction.ARTICLE_SCHEDULED;
			case UNPUBLISHED -> AuditAction.ARTICLE_UNPUBLISHED;
			case DRAFT -> null;
		};
	}

}
