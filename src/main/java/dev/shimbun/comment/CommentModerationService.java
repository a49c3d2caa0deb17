package dev.shimbun.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.Like;
import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.Article;
import dev.shimbun.article.ArticlePaths;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators do to comments: the queues with their counts, approving, hiding,
 * deleting and featuring (one comment or several at once). Every change is audited in the
 * same transaction. Readers see a change at once: the article page is rendered from the
 * database.
 */
@Service
@Transactional(readOnly = true)
class CommentModerationService {

	static final int PAGE_SIZE = 50;

	/** How much of a comment's text goes into the audit log. */
	static final int AUDIT_EXCERPT_LENGTH = 40;

	private final CommentRepository comments;

	private final CommentEditRepository edits;

	private final ClientHolds holds;

	private final AuditService audit;

	private final Clock clock;

	private final ZoneId zone;

	private final ClusterEvents cluster;

	CommentModerationService(CommentRepository comments, CommentEditRepository edits, ClientHolds holds,
			AuditService audit, Clock clock, ShimbunProperties properties, ClusterEvents cluster) {
		this.cluster = cluster;
		this.comments = comments;
		this.edits = edits;
		this.holds = holds;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/**
	 * One page of a queue, newest first; a page past the end shows the last one (after
	 * the comments of the last page were dealt with, say).
	 */
	public Page<CommentRow> search(CommentAdminQuery query) {
		Page<Comment> found = PageNumber.fetch(query.page(), PAGE_SIZE, (index) -> find(query, index));
		return new PageImpl<>(rowsOf(found.getContent()), found.getPageable(), found.getTotalElements());
	}

	private Page<Comment> find(CommentAdminQuery query, int pageIndex) {
		List<CommentStatus> statuses = switch (query.queue()) {
			case PENDING -> List.of(CommentStatus.PENDING);
			case REPORTED -> List.of(CommentStatus.REPORTED);
			case HIDDEN -> List.of(CommentStatus.HIDDEN);
			case ALL -> List.of(CommentStatus.values());
		};
		return this.comments.findForModeration(statuses, query.queue() == CommentQueue.REPORTED,
				Like.contains(query.article()), Like.contains(query.text()), query.client(),
				PageRequest.of(Math.max(pageIndex, 0), PAGE_SIZE));
	}

	/** How many comments each queue holds, with the same filters as the query. */
	public Map<CommentQueue, Long> counts(CommentAdminQuery query) {
		Map<CommentQueue, Long> counts = new EnumMap<>(CommentQueue.class);
		for (CommentQueue queue : CommentQueue.values()) {
			counts.put(queue, 0L);
		}
		for (Object[] row : this.comments.countForModeration(Like.contains(query.article()),
				Like.contains(query.text()), query.client())) {
			CommentStatus status = (CommentStatus) row[0];
			long count = ((Number) row[1]).longValue();
			long unreviewedReports = (row[2] != null) ? ((Number) row[2]).longValue() : 0;
			counts.merge(CommentQueue.ALL, count, Long::sum);
			switch (status) {
				case PENDING -> counts.merge(CommentQueue.PENDING, count, Long::sum);
				case REPORTED -> counts.merge(CommentQueue.REPORTED, count, Long::sum);
				case HIDDEN -> counts.merge(CommentQueue.HIDDEN, count, Long::sum);
				case VISIBLE -> counts.merge(CommentQueue.REPORTED, unreviewedReports, Long::sum);
			}
		}
		return counts;
	}

	/**
	 * Until when a client is on pre-moderation, if it is now.
	 */
	public Optional<ZonedDateTime> heldUntil(String client) {
		return this.holds.heldUntil(client, this.clock.instant()).map((until) -> until.atZone(this.zone));
	}

	/**
	 * Hides every comment of one client that readers see or may see (a spammer's, say),
	 * audited as each comment's hiding is.
	 * @return how many comments were hidden
	 */
	@Transactional
	public int hideAllOf(String client) {
		List<Long> ids = this.comments.findNotTakenDownByClient(client).stream().map(Comment::getId).toList();
		return ids.isEmpty() ? 0 : moderate(ids, ModerationAction.HIDE, Map.of());
	}

	/**
	 * Puts one client on pre-moderation for a while: its new comments and edits wait for
	 * a moderator until then (comments already shown stay).
	 */
	@Transactional
	public void hold(String client, Duration duration) {
		Instant now = this.clock.instant();
		Instant until = now.plus(duration);
		this.holds.hold(client, until, now);
		this.audit.record(AuditAction.COMMENT_MODERATED, "comment-client", CommentRow.label(client),
				this.audit.text("audit.detail.comment.hold", until.atZone(this.zone).toLocalDateTime()));
	}

	/** Takes one client off pre-moderation. */
	@Transactional
	public void release(String client) {
		this.holds.release(client);
		this.audit.record(AuditAction.COMMENT_MODERATED, "comment-client", CommentRow.label(client),
				this.audit.text("audit.detail.comment.release"));
	}

	/** Comments as the delete confirmation shows them, in the order given. */
	public List<CommentRow> rows(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Comment> found = this.comments.findWithArticleByIdIn(ids)
			.stream()
			.collect(Collectors.toMap(Comment::getId, Function.identity()));
		return rowsOf(ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList());
	}

	public CommentRow row(Long id) {
		List<CommentRow> rows = rows(List.of(id));
		if (rows.isEmpty()) {
			throw new CommentNotFoundException(id);
		}
		return rows.get(0);
	}

	/**
	 * Does one thing to one comment.
	 * @param expectedVersion the version the moderator saw, or {@code null} not to check
	 * @throws ObjectOptimisticLockingFailureException when the comment changed or went
	 * since the moderator saw it
	 * @throws ModerationRefusedException when the action does not apply to the comment
	 */
	@Transactional
	public void moderate(Long id, ModerationAction action, Long expectedVersion) {
		Map<Long, Long> versions = new HashMap<>();
		if (expectedVersion != null) {
			versions.put(id, expectedVersion);
		}
		moderate(List.of(id), action, versions);
	}

	/**
	 * Does one thing to several comments, all or none.
	 * @param versions the version the moderator saw of each comment; comments without one
	 * are not checked
	 * @return how many comments were changed
	 * @throws ObjectOptimisticLockingFailureException when one of them changed or went
	 * since the moderator saw it; nothing is changed then
	 * @throws ModerationRefusedException when the action does not apply to one of them
	 */
	@Transactional
	public int moderate(Collection<Long> ids, ModerationAction action, Map<Long, Long> versions) {
		Set<Long> wanted = new LinkedHashSet<>(ids);
		Map<Long, Comment> found = this.comments.findAllById(wanted)
			.stream()
			.collect(Collectors.toMap(Comment::getId, Function.identity()));
		List<Comment> targets = new ArrayList<>();
		for (Long id : wanted) {
			Comment comment = found.get(id);
			Long expected = (versions != null) ? versions.get(id) : null;
			if (comment == null || (expected != null && expected != comment.getVersion())) {
				throw new ObjectOptimisticLockingFailureException(Comment.class, id);
			}
			targets.add(comment);
		}
		Instant now = this.clock.instant();
		Set<String> articles = new LinkedHashSet<>();
		for (Comment comment : targets) {
			articles.add(comment.getArticle().getSlug());
			apply(comment, action, now);
			this.audit.record(AuditAction.COMMENT_MODERATED, "comment", comment.getId(),
					this.audit.text("audit.detail.comment." + action.parameter(), excerpt(comment.getBody())));
		}
		this.comments.flush();
		articles.forEach((slug) -> this.cluster.changed(Topic.COMMENTS_REMOVED, slug));
		return targets.size();
	}

	private void apply(Comment comment, ModerationAction action, Instant now) {
		switch (action) {
			case APPROVE -> {
				if (comment.getStatus() == CommentStatus.WITHDRAWN) {
					throw new ModerationRefusedException("moderation.error.withdrawn");
				}
				comment.approve(now);
			}
			case HIDE -> comment.hide(now);
			case DELETE -> this.comments.delete(comment);
			case FEATURE -> {
				if (comment.getStatus() != CommentStatus.VISIBLE) {
					throw new ModerationRefusedException("moderation.error.featureNotVisible");
				}
				comment.feature(true);
			}
			case UNFEATURE -> comment.feature(false);
		}
	}

	private Map<Long, List<CommentRow.ReportCount>> reportsOf(List<Long> commentIds) {
		if (commentIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<CommentRow.ReportCount>> reports = new HashMap<>();
		for (Object[] row : this.comments.countReportsByReason(commentIds)) {
			reports.computeIfAbsent((Long) row[0], (id) -> new ArrayList<>())
				.add(new CommentRow.ReportCount((ReportReason) row[1], ((Number) row[2]).longValue()));
		}
		reports.values().forEach((counts) -> counts.sort((a, b) -> a.reason().compareTo(b.reason())));
		return reports;
	}

	/**
	 * The rows of these comments, with what each row shows besides the comment (reports,
	 * the comment a reply answers, the author's edits), read in one query each.
	 */
	private List<CommentRow> rowsOf(List<Comment> found) {
		List<Long> ids = found.stream().map(Comment::getId).toList();
		Map<Long, List<CommentRow.ReportCount>> reports = reportsOf(
				found.stream().filter((comment) -> comment.getReportCount() > 0).map(Comment::getId).toList());
		Map<Long, Comment> parents = new HashMap<>();
		List<Long> parentIds = found.stream().map(Comment::getParentId).filter(Objects::nonNull).distinct().toList();
		if (!parentIds.isEmpty()) {
			this.comments.findAllById(parentIds).forEach((parent) -> parents.put(parent.getId(), parent));
		}
		Map<Long, List<CommentRow.Edit>> edits = new HashMap<>();
		if (!ids.isEmpty()) {
			for (CommentEdit edit : this.edits.findByCommentIdInOrderByChangedAtAscIdAsc(ids)) {
				edits.computeIfAbsent(edit.getCommentId(), (id) -> new ArrayList<>())
					.add(new CommentRow.Edit(edit.getChange(), edit.getNickname(), edit.getBody(),
							edit.getChangedAt().atZone(this.zone)));
			}
		}
		Instant now = this.clock.instant();
		return found.stream()
			.map((comment) -> row(comment, reports.getOrDefault(comment.getId(), List.of()),
					parents.get(comment.getParentId()), edits.getOrDefault(comment.getId(), List.of()), now))
			.toList();
	}

	private CommentRow row(Comment comment, List<CommentRow.ReportCount> reports, Comment parent,
			List<CommentRow.Edit> edits, Instant now) {
		Article article = comment.getArticle();
		String path = article.isVisibleAt(now) ? ArticlePaths.of(article.getSlug()) : null;
		CommentRow.Parent answered = (parent != null)
				? new CommentRow.Parent(parent.getId(), parent.getNickname(), parent.getBody(), parent.getStatus())
				: null;
		return new CommentRow(comment.getId(), comment.getVersion(), article.getHeadline(), path, comment.getNickname(),
				comment.getBody(), comment.getCreatedAt().atZone(this.zone), comment.getStatus(),
				comment.getQueueReason(), comment.getReportCount(), reports, comment.isFeatured(),
				comment.getReviewedAt() != null, answered, comment.getReactions(), edits, comment.getClientHash());
	}

	/** The start of a comment for the audit log. */
	static String excerpt(String body) {
		String flat = body.replaceAll("\\s+", " ").strip();
		if (flat.codePointCount(0, flat.length()) <= AUDIT_EXCERPT_LENGTH) {
			return flat;
		}
		return flat.substring(0, flat.offsetByCodePoints(0, AUDIT_EXCERPT_LENGTH)) + "…";
	}

}
