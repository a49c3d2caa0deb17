package dev.shimbun.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentReportRepository extends JpaRepository<CommentReport, Long> {

	boolean existsByCommentIdAndClientHash(Long commentId, String clientHash);

}
