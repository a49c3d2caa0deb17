package dev.shimbun.comment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentReportRepository extends JpaRepository<CommentReport, Long> {

	boolean existsByCommentIdAndClientHash(Long commentId, String clientHash);

	@Query("select r.reason, count(r) from CommentReport r where r.commentId = :commentId group by r.reason")
	List<Object[]> countByReason(Long commentId);

}
