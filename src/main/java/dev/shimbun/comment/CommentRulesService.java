package dev.shimbun.comment;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's comment rules as moderators edit them: banned words, suspect words and the
 * most links before a comment waits for a moderator. A change is audited in the same
 * transaction and applies to the next comment posted.
 */
@Service
@Transactional(readOnly = true)
class CommentRulesService {

	private final CommentRulesRepository rules;

	private final AuditService audit;

	CommentRulesService(CommentRulesRepository rules, AuditService audit) {
		this.rules = rules;
		this.audit = audit;
	}

	/** The rules as they are saved now. */
	public CommentRulesForm rulesForm() {
		return CommentRulesForm.from(currentRules());
	}

	/**
	 * Saves the site's comment rules; they apply to the next comment posted.
	 * @throws ObjectOptimisticLockingFailureException when somebody saved them since the
	 * form was opened
	 */
	@Transactional
	public void saveRules(CommentRulesForm form) {
		CommentRules rules = currentRules();
		if (rules.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(CommentRules.class, CommentRules.ID);
		}
		rules.change(form.getBannedWords(), form.getSuspectWords(), form.getMaxLinks());
		this.rules.flush();
		this.audit.record(AuditAction.COMMENT_RULES_CHANGED, "comment-rules", CommentRules.ID,
				this.audit.text("audit.detail.comment.rules", CommentRules.words(rules.getBannedWords()).size(),
						CommentRules.words(rules.getSuspectWords()).size(), rules.getMaxLinks()));
	}

	private CommentRules currentRules() {
		return this.rules.findById(CommentRules.ID)
			.orElseThrow(() -> new IllegalStateException("The comment_rules row is missing (see V7__comments.sql)"));
	}

}
