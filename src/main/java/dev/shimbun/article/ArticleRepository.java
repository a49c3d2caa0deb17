package dev.shimbun.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

	@EntityGraph(attributePaths = { "category", "author", "blocks" })
	@Query("""
			select a from Article a
			where a.slug = :slug and a.status = dev.shimbun.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now
			""")
	Optional<Article> findPublishedBySlug(String slug, Instant now);

	@EntityGraph(attributePaths = "category")
	@Query("""
			select a from Article a
			where a.status = dev.shimbun.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now
			order by a.publishedAt desc, a.id desc
			""")
	Page<Article> findLatestPublished(Instant now, Pageable pageable);

	@EntityGraph(attributePaths = "category")
	@Query(value = """
			select a from Article a
			where a.category.id = :categoryId
			and a.status = dev.shimbun.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now
			order by a.publishedAt desc, a.id desc
			""", countQuery = """
			select count(a) from Article a
			where a.category.id = :categoryId
			and a.status = dev.shimbun.article.ArticleStatus.PUBLISHED and a.publishedAt <= :now
			""")
	Page<Article> findPublishedInCategory(Long categoryId, Instant now, Pageable pageable);

	@EntityGraph(attributePaths = "category")
	@Query("""
			select a from Article a
			where a.status = dev.shimbun.article.ArticleStatus.PUBLISHED
			and lower(a.headline) like lower(concat('%', :text, '%'))
			order by a.publishedAt desc, a.id desc
			""")
	List<Article> findPublishedByHeadlineContaining(String text, Pageable pageable);

	@Query("select a.status, count(a) from Article a group by a.status")
	List<Object[]> countByStatus();

}
