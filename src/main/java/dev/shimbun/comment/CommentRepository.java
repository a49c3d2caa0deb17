package dev.shimbun.comment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<Comment, Long> {

	long countByStatus(CommentStatus status);

	long countByArticleIdAndStatus(Long articleId, CommentStatus status);

	List<Comment> findByArticleIdAndStatusOrderByCreatedAtDescIdDesc(Long articleId, CommentStatus status);

}
