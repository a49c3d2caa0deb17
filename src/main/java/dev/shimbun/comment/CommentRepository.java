package dev.shimbun.comment;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<Comment, Long> {

	long countByStatus(CommentStatus status);

	long countByArticleIdAndStatus(Long articleId, CommentStatus status);

	List<Comment> findByArticleIdAndStatusAndFeaturedTrueOrderByCreatedAtDescIdDesc(Long articleId,
			CommentStatus status);

	Page<Comment> findByArticleIdAndStatusAndFeaturedFalse(Long articleId, CommentStatus status, Pageable pageable);

	boolean existsByClientHashAndBodyAndCreatedAtAfter(String clientHash, String body, Instant since);

}
