package dev.shimbun.article;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

	List<ArticleRevision> findByArticleIdOrderByNumberDesc(Long articleId);

	Optional<ArticleRevision> findByArticleIdAndNumber(Long articleId, int number);

	@Query("select coalesce(max(r.number), 0) from ArticleRevision r where r.articleId = :articleId")
	int lastNumber(Long articleId);

}
