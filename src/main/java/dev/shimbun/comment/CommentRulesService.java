package dev.shimbun.comment;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's comment rules as moderators edit them: banned words, suspect words, the most
 * links before a comment waits for a moderator, and the order readers see comments in
 * unless they choose another. A change is audited in the same transaction and applies to
 * the next comment posted.
 */
@Service
@Transactional(readOnly = true)
class CommentRulesService {

	private final CommentRulesRepository rules;

	private final AuditService audit;

	private final ClusterEvents cluster;

	private final String firstReaction;

	CommentRulesService(CommentRulesRepository rules, AuditService audit, ClusterEvents cluster,
			ShimbunProperties properties) {
		this.firstReaction = properties.comments().reactionLabels().get(0);
		this.rules = rules;
		this.audit = audit;
		this.cluster = cluster;
	}

	/** How the rules page and the audit log name an order. */
	String orderLabel(CommentOrder order) {
		return this.audit.text("moderation.rules.order." + order.name(), this.firstReaction);
	}

	/** The order readers see an article's comments in unless they choose another. */
	public CommentOrder defaultOrder() {
		return this.rules.findById(CommentRules.ID).map(CommentRules::getDefaultOrder).orElse(CommentOrder.NEWEST);
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
		boolean reordered = rules.getDefaultOrder() != form.getDefaultOrder();
		rules.order(form.getDefaultOrder());
		this.rules.flush();
		if (reordered) {
			// every article page lists its comments in the new order
			this.cluster.changed(Topic.COMMENTS, null);
		}
		this.audit.record(AuditAction.COMMENT_RULES_CHANGED, "comment-rules", CommentRules.ID,
				this.audit.text("audit.detail.comment.rules", CommentRules.words(rules.getBannedWords()).size(),
						CommentRules.words(rules.getSuspectWords()).size(), rules.getMaxLinks(),
						orderLabel(rules.getDefaultOrder())));
	}

	private CommentRules currentRules() {
		return this.rules.findById(CommentRules.ID)
			.orElseThrow(() -> new IllegalStateException("The comment_rules row is missing (see V7__comments.sql)"));
	}

}
