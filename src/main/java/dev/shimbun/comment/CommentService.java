package dev.shimbun.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.shimbun.FieldRuleException;
import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.Article;
import dev.shimbun.article.ArticleLocks;
import dev.shimbun.article.ArticleView;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.comment.CommentMetrics.Refusal;
import jakarta.persistence.EntityManager;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/** Readers' comments: posting with its checks, the public list, and reports. */
@Service
@Transactional(readOnly = true)
public class CommentService {

	/** The most characters a comment may have, as a reader counts them. */
	public static final int MAX_BODY_LENGTH = 300;

	/** The most characters of a nickname. */
	public static final int MAX_NICKNAME_LENGTH = 20;

	/**
	 * The columns that {@link CommentRepository#findTopLevelShown} fixes, then the time:
	 * the order of {@code article_comment_shown_idx}. Ordering by columns that hold one
	 * value changes nothing in the result; it is what lets H2 read the page in the
	 * index's order.
	 */
	private static final String[] SHOWN_INDEX_ORDER = { "article.id", "status", "featured", "parentId", "createdAt",
			"id" };

	/** Top-level comments newest first, in the index's order read backwards. */
	static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, SHOWN_INDEX_ORDER);

	/** Top-level comments oldest first, in the index's order. */
	static final Sort OLDEST_FIRST = Sort.by(Sort.Direction.ASC, SHOWN_INDEX_ORDER);

	private final CommentRepository comments;

	private final CommentReportRepository reports;

	private final CommentEditRepository edits;

	private final ClientHolds holds;

	private final CommentRulesRepository rules;

	private final ClientHasher clients;

	private final CommentRateLimiter rateLimiter;

	private final EntityManager entityManager;

	private final ArticleLocks articleLocks;

	private final Clock clock;

	private final ZoneId zone;

	private final ShimbunProperties.Comments settings;

	private final CommentMetrics metrics;

	private final ClusterEvents cluster;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	CommentService(CommentRepository comments, CommentReportRepository reports, CommentEditRepository edits,
			ClientHolds holds, CommentRulesRepository rules, ClientHasher clients, CommentRateLimiter rateLimiter,
			EntityManager entityManager, ArticleLocks articleLocks, Clock clock, ShimbunProperties properties,
			CommentMetrics metrics, ClusterEvents cluster, PlatformTransactionManager transactionManager) {
		this.cluster = cluster;
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.comments = comments;
		this.reports = reports;
		this.edits = edits;
		this.holds = holds;
		this.rules = rules;
		this.clients = clients;
		this.rateLimiter = rateLimiter;
		this.entityManager = entityManager;
		this.articleLocks = articleLocks;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.settings = properties.comments();
		this.metrics = metrics;
	}

	/** Comments waiting for a moderator, for the dashboard. */
	public long countPending() {
		return this.comments.countByStatus(CommentStatus.PENDING) + this.comments.countByStatus(CommentStatus.REPORTED);
	}

	/** The first page of an article's visible comments, newest first. */
	public CommentsView visibleFor(Long articleId) {
		return visibleFor(articleId, CommentOrder.NEWEST, 1);
	}

	/**
	 * One page (1-based) of an article's visible top-level comments, the last one if the
	 * list ends before, each with its first visible replies; featured ones come
	 * separately.
	 */
	public CommentsView visibleFor(Long articleId, CommentOrder order, int page) {
		long count = this.comments.countShown(articleId);
		List<Comment> featured = this.comments.findFeaturedShown(articleId);
		int size = this.settings.pageSize();
		Page<Comment> others = PageNumber.fetch(page, size, (index) -> switch (order) {
			case REPLIES -> this.comments.findMostReplied(articleId, PageRequest.of(index, size));
			case OLDEST -> topLevel(articleId, index, OLDEST_FIRST);
			case EMPATHY -> topLevel(articleId, index,
					Sort.by(Sort.Order.desc("empathyCount"), Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
			default -> topLevel(articleId, index, NEWEST_FIRST);
		});
		List<Comment> shown = new ArrayList<>(featured);
		shown.addAll(others.getContent());
		Threads threads = threads(shown, this.settings.repliesShown());
		return new CommentsView(count, featured.stream().map(threads::view).toList(),
				others.getContent().stream().map(threads::view).toList(), order, others.getNumber() + 1,
				Math.max(others.getTotalPages(), 1), null);
	}

	/**
	 * One thread of an article: a visible top-level comment with all its visible replies,
	 * for its permalink and its reply form.
	 * @param commentId the top-level comment, or one of its replies
	 * @return the thread, or empty when readers do not see that comment
	 */
	public Optional<CommentsView> thread(Long articleId, Long commentId) {
		Comment comment = this.comments.findById(commentId).orElse(null);
		if (comment != null && comment.getParentId() != null) {
			comment = this.comments.findById(comment.getParentId()).orElse(null);
		}
		if (comment == null || comment.getStatus() != CommentStatus.VISIBLE
				|| !comment.getArticle().getId().equals(articleId)) {
			return Optional.empty();
		}
		Threads threads = threads(List.of(comment), Integer.MAX_VALUE);
		return Optional.of(new CommentsView(this.comments.countShown(articleId), List.of(),
				List.of(threads.view(comment)), CommentOrder.NEWEST, 1, 1, comment.getId()));
	}

	private Page<Comment> topLevel(Long articleId, int index, Sort sort) {
		return this.comments.findTopLevelShown(articleId, PageRequest.of(index, this.settings.pageSize(), sort));
	}

	/**
	 * The visible replies of these comments (the first {@code limit} of each, oldest
	 * first) and how many each has, read in two queries for the whole page.
	 */
	private Threads threads(List<Comment> shown, int limit) {
		List<Long> ids = shown.stream().filter((comment) -> comment.getParentId() == null).map(Comment::getId).toList();
		if (ids.isEmpty()) {
			return new Threads(Map.of(), Map.of());
		}
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : this.comments.countVisibleReplies(ids)) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		Map<Long, List<CommentView>> replies = new HashMap<>();
		if (!counts.isEmpty()) {
			List<Comment> found = (limit == Integer.MAX_VALUE && ids.size() == 1)
					? this.comments.findByParentIdAndStatusOrderByCreatedAtAscIdAsc(ids.get(0), CommentStatus.VISIBLE)
					: this.comments.findByIdInOrderByCreatedAtAscIdAsc(this.comments.findFirstReplyIds(ids, limit));
			for (Comment reply : found) {
				replies.computeIfAbsent(reply.getParentId(), (parent) -> new ArrayList<>())
					.add(view(reply, List.of(), 0));
			}
		}
		return new Threads(counts, replies);
	}

	private CommentView view(Comment comment, List<CommentView> replies, long replyCount) {
		return new CommentView(comment.getId(), comment.getParentId(), comment.getNickname(), comment.getBody(),
				comment.getCreatedAt().atZone(this.zone), comment.isFeatured(), comment.getReactions(), replies,
				replyCount, comment.getEditedAt() != null);
	}

	/** The replies read for one page of comments. */
	private final class Threads {

		private final Map<Long, Long> counts;

		private final Map<Long, List<CommentView>> replies;

		Threads(Map<Long, Long> counts, Map<Long, List<CommentView>> replies) {
			this.counts = counts;
			this.replies = replies;
		}

		CommentView view(Comment comment) {
			return CommentService.this.view(comment, this.replies.getOrDefault(comment.getId(), List.of()),
					this.counts.getOrDefault(comment.getId(), 0L));
		}

	}

	/**
	 * Posts a reader's comment on an article. A robot's comment (the honeypot field
	 * filled in) is acknowledged and dropped, whatever else it holds; then a comment
	 * whose form has errors is refused. Nothing is stored unless every check passes; a
	 * stored comment is committed when this returns.
	 * <p>
	 * The checks that read the database run first, then the client's rate limit is taken,
	 * and only then does the transaction that stores the comment begin: shared rate-limit
	 * buckets take a connection of their own ({@link CommentRateLimiter}), and no request
	 * holds two. A refused comment costs no allowance, except the same text sent twice at
	 * the same moment, whose second copy is refused after the take.
	 * @param formErrors what the form's own rules ({@link CommentValidator}) found in it
	 * @throws FieldRuleException when comments are closed on the article, the text or the
	 * nickname has a banned word, or the client sent the same text a moment ago
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public PostResult post(ArticleView article, CommentForm form, Errors formErrors, String clientAddress) {
		if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
			this.metrics.refused(Refusal.HONEYPOT);
			return new PostResult.Ignored();
		}
		if (formErrors.hasErrors()) {
			this.metrics.refused(Refusal.VALIDATION);
			return new PostResult.Invalid();
		}
		String body = CommentText.normalize(form.getBody());
		String nickname = CommentText.normalizeNickname(form.getNickname());
		String client = this.clients.hash(clientAddress);
		Checked checked = this.reads.execute((status) -> checkPost(article, form, client, nickname, body));
		Duration wait = this.rateLimiter.tryPost(client);
		if (!wait.isZero()) {
			this.metrics.refused(Refusal.RATE_LIMITED);
			return new PostResult.RateLimited(wait);
		}
		return this.writes.execute((status) -> store(article, checked, client, nickname, body));
	}

	/** The checks of a new comment before its client's allowance is taken. */
	private Checked checkPost(ArticleView article, CommentForm form, String client, String nickname, String body) {
		CommentRules rules = siteRules(article, nickname, body);
		Long parentId = null;
		if (form.getReplyTo() != null && !form.getReplyTo().isBlank()) {
			parentId = threadOf(article.id(), form.getReplyTo())
				.orElseThrow(() -> refused(Refusal.PARENT_GONE, "comment.error.parentGone"));
		}
		checkDuplicate(client, body);
		return new Checked(rules, parentId);
	}

	private void checkDuplicate(String client, String body) {
		if (this.comments.existsByClientHashAndBodyAndCreatedAtAfter(client, body,
				this.clock.instant().minus(this.settings.duplicateWindow()))) {
			throw refused(Refusal.DUPLICATE, "comment.error.duplicate");
		}
	}

	private PostResult store(ArticleView article, Checked checked, String client, String nickname, String body) {
		// Posts on one article take turns from here to the commit (also between
		// instances), so that the same text sent twice at once is seen as a duplicate.
		this.articleLocks.hold(article.id());
		checkDuplicate(client, body);
		Instant now = this.clock.instant();
		String queueReason = queueReason(article, checked.rules(), client, nickname, body, now);
		CommentStatus status = (queueReason != null) ? CommentStatus.PENDING : CommentStatus.VISIBLE;
		Comment comment = new Comment(this.entityManager.getReference(Article.class, article.id()), checked.parentId(),
				nickname.isEmpty() ? null : nickname, body, status, now, client, queueReason);
		String editKey = EditKeys.newKey();
		comment.keyForEdits(EditKeys.hash(editKey));
		this.comments.saveAndFlush(comment);
		this.metrics.posted(status == CommentStatus.VISIBLE);
		if (status == CommentStatus.VISIBLE) {
			this.cluster.changed(Topic.COMMENTS, article.slug());
		}
		return new PostResult.Posted(comment.getId(), comment.getThreadId(), status == CommentStatus.VISIBLE, editKey,
				this.settings.editWindow());
	}

	/**
	 * What the checks before the rate limit found: the site's rules, the thread joined.
	 */
	private record Checked(CommentRules rules, Long parentId) {
	}

	/**
	 * Its author edits a comment, within the edit window and with the key they got when
	 * posting. The new text passes every rule a new comment passes (length, closed
	 * comments, banned words, rate limit, and the rules that send a comment to the
	 * moderators); the text before is kept for the moderators, and readers see 「編集済み」.
	 * Nothing changes unless every check passes.
	 * @param formErrors what the form's own rules ({@link CommentValidator}) found
	 * @return {@link PostResult.Edited}, {@link PostResult.Invalid} or
	 * {@link PostResult.RateLimited}
	 * @throws OwnCommentRefusedException when the key is wrong, the window is over, or
	 * the moderators took the comment down
	 * @throws CommentNotFoundException when the article has no such comment
	 * @throws FieldRuleException when comments are closed or the text has a banned word
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public PostResult edit(ArticleView article, Long commentId, String key, CommentForm form, Errors formErrors,
			String clientAddress) {
		// as for a new comment: the checks, then the allowance, then the transaction
		PostResult early = this.reads
			.execute((status) -> editChecks(ownComment(article, commentId, key, this.comments::findById), article, form,
					formErrors));
		if (early != null) {
			return early;
		}
		String client = this.clients.hash(clientAddress);
		Duration wait = this.rateLimiter.tryPost(client);
		if (!wait.isZero()) {
			this.metrics.refused(Refusal.RATE_LIMITED);
			return new PostResult.RateLimited(wait);
		}
		return this.writes.execute((status) -> applyEdit(article, commentId, key, form, formErrors, client));
	}

	/**
	 * The checks of an edit before its client's allowance is taken: the result when there
	 * is nothing to store (the form has errors, the text is the same), or null.
	 */
	private PostResult editChecks(Comment comment, ArticleView article, CommentForm form, Errors formErrors) {
		if (formErrors.hasErrors()) {
			this.metrics.refused(Refusal.VALIDATION);
			return new PostResult.Invalid();
		}
		String body = CommentText.normalize(form.getBody());
		String nickname = CommentText.normalizeNickname(form.getNickname());
		siteRules(article, nickname, body);
		if (body.equals(comment.getBody())
				&& Objects.equals(nickname.isEmpty() ? null : nickname, comment.getNickname())) {
			return new PostResult.Edited(comment.getId(), comment.getThreadId(),
					comment.getStatus() == CommentStatus.VISIBLE);
		}
		return null;
	}

	private PostResult applyEdit(ArticleView article, Long commentId, String key, CommentForm form, Errors formErrors,
			String client) {
		// the comment's row is held from here, and the checks are made again under it
		Comment comment = ownComment(article, commentId, key, this.comments::findForReportById);
		PostResult early = editChecks(comment, article, form, formErrors);
		if (early != null) {
			return early;
		}
		String body = CommentText.normalize(form.getBody());
		String nickname = CommentText.normalizeNickname(form.getNickname());
		CommentRules rules = this.rules.findById(CommentRules.ID).orElseGet(() -> new CommentRules("", "", 2));
		boolean visibleBefore = comment.getStatus() == CommentStatus.VISIBLE;
		Instant now = this.clock.instant();
		String queueReason = queueReason(article, rules, client, nickname, body, now);
		CommentStatus status = (queueReason != null) ? CommentStatus.PENDING : CommentStatus.VISIBLE;
		this.edits.save(new CommentEdit(comment, CommentEdit.Change.EDITED, now));
		comment.edit(nickname.isEmpty() ? null : nickname, body, status, queueReason, now);
		this.comments.flush();
		if (visibleBefore || status == CommentStatus.VISIBLE) {
			this.cluster.changed((status == CommentStatus.VISIBLE) ? Topic.COMMENTS : Topic.COMMENTS_REMOVED,
					article.slug());
		}
		return new PostResult.Edited(comment.getId(), comment.getThreadId(), status == CommentStatus.VISIBLE);
	}

	/**
	 * Its author takes a comment back, within the edit window and with the key they got
	 * when posting: readers no longer see it (nor its replies), and the moderators still
	 * do.
	 * @throws OwnCommentRefusedException when the key is wrong, the window is over, or
	 * the moderators took the comment down
	 * @throws CommentNotFoundException when the article has no such comment
	 */
	@Transactional
	public void withdraw(ArticleView article, Long commentId, String key) {
		Comment comment = ownComment(article, commentId, key);
		boolean visibleBefore = comment.getStatus() == CommentStatus.VISIBLE;
		Instant now = this.clock.instant();
		this.edits.save(new CommentEdit(comment, CommentEdit.Change.WITHDRAWN, now));
		comment.withdraw(now);
		this.comments.flush();
		if (visibleBefore) {
			this.cluster.changed(Topic.COMMENTS_REMOVED, article.slug());
		}
	}

	/**
	 * The comment its author may change now, its row held until the end of the
	 * transaction (edits, reports and moderators take turns on it).
	 */
	private Comment ownComment(ArticleView article, Long commentId, String key) {
		return ownComment(article, commentId, key, this.comments::findForReportById);
	}

	/** The comment its author may change now, as the finder reads it. */
	private Comment ownComment(ArticleView article, Long commentId, String key,
			Function<Long, Optional<Comment>> finder) {
		Comment comment = finder.apply(commentId)
			.filter((found) -> found.getArticle().getId().equals(article.id()))
			.orElseThrow(() -> new CommentNotFoundException(commentId));
		if (!EditKeys.matches(key, comment.getEditKeyHash())) {
			throw new OwnCommentRefusedException(OwnCommentRefusedException.Reason.WRONG_KEY);
		}
		if (!this.clock.instant().isBefore(comment.getCreatedAt().plus(this.settings.editWindow()))) {
			throw new OwnCommentRefusedException(OwnCommentRefusedException.Reason.WINDOW_OVER);
		}
		if (comment.getStatus() != CommentStatus.VISIBLE && comment.getStatus() != CommentStatus.PENDING) {
			throw new OwnCommentRefusedException(OwnCommentRefusedException.Reason.TAKEN_DOWN);
		}
		return comment;
	}

	/**
	 * The thread a reply joins: the visible top-level comment of the article with this
	 * id, or the one heading the thread of the visible reply with this id (replies are
	 * one level deep, so a reply to a reply answers in the same thread).
	 */
	private Optional<Long> threadOf(Long articleId, String replyTo) {
		Long id;
		try {
			id = Long.valueOf(replyTo.strip());
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Optional<Comment> answered = this.comments.findById(id);
		if (answered.isPresent() && answered.get().getParentId() != null
				&& answered.get().getStatus() == CommentStatus.VISIBLE) {
			answered = this.comments.findById(answered.get().getParentId());
		}
		return answered
			.filter((comment) -> comment.getStatus() == CommentStatus.VISIBLE && comment.getParentId() == null
					&& comment.getArticle().getId().equals(articleId))
			.map(Comment::getId);
	}

	/**
	 * The site's comment rules, after the checks that refuse a text whatever else:
	 * comments closed on the article, a banned word in the text or the nickname.
	 */
	private CommentRules siteRules(ArticleView article, String nickname, String body) {
		if (!article.commentsOpen()) {
			throw refused(Refusal.CLOSED, "comment.error.closed");
		}
		CommentRules rules = this.rules.findById(CommentRules.ID).orElseGet(() -> new CommentRules("", "", 2));
		String banned = rules.bannedWordIn(nickname + "\n" + body);
		if (banned != null) {
			throw refused(Refusal.BANNED_WORD, "comment.error.banned", banned);
		}
		return rules;
	}

	/**
	 * Why a comment (or an edit) waits for a moderator, or null: the article is
	 * pre-moderated, a moderator put the client on pre-moderation, or the text has a
	 * suspect word or too many links.
	 */
	private String queueReason(ArticleView article, CommentRules rules, String client, String nickname, String body,
			Instant now) {
		if (article.isPremoderated()) {
			return "事前承認";
		}
		if (this.holds.heldUntil(client, now).isPresent()) {
			return "投稿者を事前承認中";
		}
		return rules.queueReasonFor(nickname + "\n" + body);
	}

	/** A refusal of the comment's text, counted under its reason. */
	private FieldRuleException refused(Refusal refusal, String key, Object... arguments) {
		this.metrics.refused(refusal);
		return new FieldRuleException("body", key, arguments);
	}

	/**
	 * A reader reports a visible comment of this article. One report counts per client:
	 * reports of a comment take turns on its row (also between instances), and the report
	 * table's unique key is the last word; the count goes up in one atomic update, never
	 * through the comment's version, so that reports at the same moment are all counted
	 * and no reader gets a conflict. The comment is hidden until a moderator decides
	 * exactly when the report that reaches the threshold is counted.
	 * @return whether the comment exists on the article
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public boolean report(Long articleId, Long commentId, ReportReason reason, String clientAddress) {
		String client = this.clients.hash(clientAddress);
		for (int attempt = 1;; attempt++) {
			try {
				return this.writes.execute((status) -> fileReport(articleId, commentId, reason, client));
			}
			catch (DataIntegrityViolationException ex) {
				// the same client's report, stored by another request a moment ago
				return true;
			}
			catch (ConcurrencyFailureException ex) {
				// a lock the database gave up waiting for: once more, then it is an error
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	private boolean fileReport(Long articleId, Long commentId, ReportReason reason, String client) {
		// reports of one comment wait for each other here, so that each one sees those
		// before it (and the same client's second report finds the first)
		Comment comment = this.comments.findForReportById(commentId).orElse(null);
		if (comment == null || !comment.getArticle().getId().equals(articleId)) {
			return false;
		}
		// a report sent while others hid the comment still counts, for the moderators
		boolean reportable = comment.getStatus() == CommentStatus.VISIBLE
				|| comment.getStatus() == CommentStatus.REPORTED;
		if (!reportable || this.reports.existsByCommentIdAndClientHash(commentId, client)) {
			return true;
		}
		this.reports.saveAndFlush(new CommentReport(commentId, client, reason, this.clock.instant()));
		String slug = comment.getArticle().getSlug();
		this.comments.countReport(commentId, this.settings.reportThreshold());
		if (comment.getStatus() == CommentStatus.VISIBLE
				&& this.comments.findStatusById(commentId) != CommentStatus.VISIBLE) {
			this.cluster.changed(Topic.COMMENTS_REMOVED, slug);
		}
		return true;
	}

}
