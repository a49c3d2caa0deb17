package dev.shimbun.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, Long> {

	long countByStatus(CommentStatus status);

	/**
	 * How many of an article's comments readers see: the visible top-level ones and the
	 * visible replies to those.
	 */
	@Query("""
			select count(c) from Comment c where c.article.id = :articleId
			and c.status = dev.shimbun.comment.CommentStatus.VISIBLE
			and (c.parentId is null or exists (select p.id from Comment p where p.id = c.parentId
				and p.status = dev.shimbun.comment.CommentStatus.VISIBLE))
			""")
	long countShown(Long articleId);

	/** The comments editors featured that readers see, newest first. */
	@Query("""
			select c from Comment c where c.article.id = :articleId and c.featured = true
			and c.status = dev.shimbun.comment.CommentStatus.VISIBLE
			and (c.parentId is null or exists (select p.id from Comment p where p.id = c.parentId
				and p.status = dev.shimbun.comment.CommentStatus.VISIBLE))
			order by c.createdAt desc, c.id desc
			""")
	List<Comment> findFeaturedShown(Long articleId);

	/**
	 * One page of an article's visible top-level comments that are not featured, in the
	 * order of the page's sort. A sort that begins with the columns this query fixes
	 * ({@link CommentService}'s orders by time) lets H2 read the page in the order of
	 * {@code article_comment_shown_idx} and stop after it, instead of reading and sorting
	 * every comment of the article; the count reads that index alone.
	 */
	@Query(value = """
			select c from Comment c where c.article.id = :articleId
			and c.status = dev.shimbun.comment.CommentStatus.VISIBLE and c.featured = false and c.parentId is null
			""", countQuery = """
			select count(c) from Comment c where c.article.id = :articleId
			and c.status = dev.shimbun.comment.CommentStatus.VISIBLE and c.featured = false and c.parentId is null
			""")
	Page<Comment> findTopLevelShown(Long articleId, Pageable pageable);

	/**
	 * One page of an article's visible top-level comments that are not featured, those
	 * with the most visible replies first, then the newest.
	 */
	@Query(value = """
			select c from Comment c where c.article.id = :articleId and c.featured = false and c.parentId is null
			and c.status = dev.shimbun.comment.CommentStatus.VISIBLE
			order by (select count(r) from Comment r where r.parentId = c.id
				and r.status = dev.shimbun.comment.CommentStatus.VISIBLE) desc, c.createdAt desc, c.id desc
			""", countQuery = """
			select count(c) from Comment c where c.article.id = :articleId and c.featured = false and c.parentId is null
			and c.status = dev.shimbun.comment.CommentStatus.VISIBLE
			""")
	Page<Comment> findMostReplied(Long articleId, Pageable pageable);

	/** The visible replies to these comments, by comment: parent id, count. */
	@Query("""
			select r.parentId, count(r) from Comment r where r.parentId in :parentIds
			and r.status = dev.shimbun.comment.CommentStatus.VISIBLE group by r.parentId
			""")
	List<Object[]> countVisibleReplies(Collection<Long> parentIds);

	/** The ids of the first (oldest) visible replies to each of these comments. */
	@Query(value = """
			SELECT id FROM (
				SELECT id, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS n
				FROM article_comment WHERE parent_id IN (:parentIds) AND status = 'VISIBLE'
			) first_replies WHERE n <= :limit""", nativeQuery = true)
	List<Long> findFirstReplyIds(Collection<Long> parentIds, int limit);

	List<Comment> findByIdInOrderByCreatedAtAscIdAsc(Collection<Long> ids);

	List<Comment> findByParentIdAndStatusOrderByCreatedAtAscIdAsc(Long parentId, CommentStatus status);

	/** The comment, its row locked until the end of the transaction. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Comment c where c.id = :id")
	Optional<Comment> findForReportById(Long id);

	@Query("select c.status from Comment c where c.id = :id")
	CommentStatus findStatusById(Long id);

	/**
	 * Counts one more report of a comment, in one statement that the database applies to
	 * the row in turn: a visible comment that nobody reviewed is hidden for the
	 * moderators when its count reaches the threshold (and its version changes, so that a
	 * moderator acting on what they saw before is told). Right-hand sides see the row as
	 * it was before this update.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			UPDATE article_comment SET
				report_count = report_count + 1,
				status = CASE WHEN status = 'VISIBLE' AND reviewed_at IS NULL AND report_count + 1 >= :threshold
					THEN 'REPORTED' ELSE status END,
				version = CASE WHEN status = 'VISIBLE' AND reviewed_at IS NULL AND report_count + 1 >= :threshold
					THEN version + 1 ELSE version END
			WHERE id = :id""", nativeQuery = true)
	int countReport(Long id, int threshold);

	boolean existsByClientHashAndBodyAndCreatedAtAfter(String clientHash, String body, Instant since);

	/**
	 * The moderators' list: comments of the given statuses (and, if asked, the visible
	 * ones with reports that nobody reviewed yet), with their article, newest first. The
	 * filters are lower-case {@code LIKE} patterns with {@code !} as escape, or null; and
	 * the hash of one client, or null.
	 */
	@Query(value = """
			select c from Comment c join fetch c.article a
			where (c.status in :statuses
				or (:unreviewedReports = true and c.status = dev.shimbun.comment.CommentStatus.VISIBLE
					and c.reportCount > 0 and c.reviewedAt is null))
			and (:headline is null or lower(a.headline) like :headline escape '!')
			and (:text is null or lower(c.body) like :text escape '!')
			and (:client is null or c.clientHash = :client)
			order by c.createdAt desc, c.id desc
			""", countQuery = """
			select count(c) from Comment c join c.article a
			where (c.status in :statuses
				or (:unreviewedReports = true and c.status = dev.shimbun.comment.CommentStatus.VISIBLE
					and c.reportCount > 0 and c.reviewedAt is null))
			and (:headline is null or lower(a.headline) like :headline escape '!')
			and (:text is null or lower(c.body) like :text escape '!')
			and (:client is null or c.clientHash = :client)
			""")
	Page<Comment> findForModeration(Collection<CommentStatus> statuses, boolean unreviewedReports, String headline,
			String text, String client, Pageable pageable);

	/**
	 * For the moderators' queue tabs: per status, how many comments match the filters,
	 * and how many of those have reports nobody reviewed yet.
	 */
	@Query("""
			select c.status, count(c), sum(case when c.reportCount > 0 and c.reviewedAt is null then 1 else 0 end)
			from Comment c join c.article a
			where (:headline is null or lower(a.headline) like :headline escape '!')
			and (:text is null or lower(c.body) like :text escape '!')
			and (:client is null or c.clientHash = :client)
			group by c.status
			""")
	List<Object[]> countForModeration(String headline, String text, String client);

	/** The comments of one client that readers see or may see. */
	@Query("""
			select c from Comment c where c.clientHash = :client
			and c.status in (dev.shimbun.comment.CommentStatus.VISIBLE, dev.shimbun.comment.CommentStatus.PENDING,
				dev.shimbun.comment.CommentStatus.REPORTED)
			""")
	List<Comment> findNotTakenDownByClient(String client);

	@EntityGraph(attributePaths = "article")
	List<Comment> findWithArticleByIdIn(Collection<Long> ids);

	/** Reports of the given comments by reason: comment id, reason, count. */
	@Query("""
			select r.commentId, r.reason, count(r) from CommentReport r
			where r.commentId in :commentIds
			group by r.commentId, r.reason
			""")
	List<Object[]> countReportsByReason(Collection<Long> commentIds);

}
