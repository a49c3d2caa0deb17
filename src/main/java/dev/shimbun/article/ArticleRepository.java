package dev.shimbun.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long>, JpaSpecificationExecutor<Article> {

	/**
	 * The article with this slug, whatever its status, with what its page shows. Looked
	 * up by slug alone, visibility checked by the caller ({@link Article#isVisibleAt}):
	 * with the visibility in the query, H2 without statistics went through every visible
	 * article by the status index instead of using the slug's.
	 */
	@EntityGraph(attributePaths = { "category", "author", "blocks" })
	@Query("select a from Article a where a.slug = :slug")
	Optional<Article> findPageBySlug(String slug);

	/** The article with this slug, without its blocks. */
	Optional<Article> findBySlug(String slug);

	/**
	 * The newest visible articles' ids. Only ids are sorted, so that sorting many
	 * articles stays cheap; {@link #findWithCategoryByIdIn} loads the few wanted.
	 */
	@Query("""
			select a.id from Article a
			where """ + ArticleVisibility.JPQL + """
			order by a.publishedAt desc, a.id desc
			""")
	List<Long> findLatestPublishedIds(Instant now, Pageable pageable);

	/**
	 * A page of a category's visible articles' ids, newest first. Ordered by the category
	 * first (one value here) so that H2 sees that {@code article_category_newest_idx}
	 * holds them in this order and stops after the page.
	 */
	@Query("""
			select a.id from Article a
			where a.category.id = :categoryId
			and """ + ArticleVisibility.JPQL + """
			order by a.category.id, a.publishedAt desc, a.id desc
			""")
	List<Long> findPublishedIdsInCategory(Long categoryId, Instant now, Pageable pageable);

	/** How many articles a category has, visible or not (from its index alone). */
	long countByCategoryId(Long categoryId);

	@EntityGraph(attributePaths = "category")
	List<Article> findWithCategoryByIdIn(Collection<Long> ids);

	/**
	 * How many visible articles show the media item in a figure (by
	 * article_block_media_idx).
	 */
	@Query("""
			select count(b) from ArticleBlock b join b.article a
			where b.figure.mediaId = :mediaId
			and """ + ArticleVisibility.JPQL + """
			""")
	long countVisibleWithMedia(Long mediaId, Instant now);

	@EntityGraph(attributePaths = "category")
	@Query("""
			select a from Article a
			where """ + ArticleVisibility.JPQL + """
			and lower(a.headline) like :pattern escape '!'
			order by a.publishedAt desc, a.id desc
			""")
	List<Article> findPublishedByHeadlineLike(String pattern, Instant now, Pageable pageable);

	/** Admin search: the filters as a specification, with each row's category. */
	@Override
	@EntityGraph(attributePaths = "category")
	Page<Article> findAll(Specification<Article> where, Pageable pageable);

	@EntityGraph(attributePaths = { "category", "author", "blocks" })
	@Query("select a from Article a where a.id = :id")
	Optional<Article> findForEditing(Long id);

	boolean existsBySlug(String slug);

	@Query("select a.id from Article a where a.slug = :slug")
	Optional<Long> findIdBySlug(String slug);

	boolean existsBySlugAndIdNot(String slug, Long id);

	/**
	 * Scheduled articles whose publication time has passed: read from the (status,
	 * publication time) index. (One query with both cases joined by {@code or} read every
	 * article of the site, every 30 seconds.)
	 */
	@Query("""
			select a from Article a
			where a.status = dev.shimbun.article.ArticleStatus.SCHEDULED and a.publishedAt <= :now
			""")
	List<Article> findDueForPublication(Instant now);

	/**
	 * Articles on the site (scheduled or published) whose unpublish time has passed, read
	 * from the unpublish-time index between {@code earliest} and {@code now}. Without a
	 * lower bound H2 reads that index from its start, through every article with no
	 * unpublish time (nulls come first in its indexes). The statuses are told by
	 * {@code <>}: with {@code in} H2 chose the (status, publication time) index and read
	 * every article again.
	 */
	@Query("""
			select a from Article a
			where a.unpublishAt >= :earliest and a.unpublishAt <= :now
			and a.status <> dev.shimbun.article.ArticleStatus.DRAFT
			and a.status <> dev.shimbun.article.ArticleStatus.UNPUBLISHED
			""")
	List<Article> findDueForUnpublishing(Instant earliest, Instant now);

	@Query("select a.status, count(a) from Article a group by a.status")
	List<Object[]> countByStatus();

	@EntityGraph(attributePaths = { "category", "author", "blocks" })
	@Query("select distinct a from Article a where a.id in :ids")
	List<Article> findWithBodyByIdIn(Collection<Long> ids);

	@Query("""
			select new dev.shimbun.article.ArticleStamp(a.slug, a.headline, a.publishedAt, a.updatedAt) from Article a
			where """ + ArticleVisibility.JPQL + """
			order by a.id
			""")
	List<ArticleStamp> findPublishedStamps(Instant now, Pageable pageable);

	@Query("""
			select new dev.shimbun.article.ArticleStamp(a.slug, a.headline, a.publishedAt, a.updatedAt) from Article a
			where """ + ArticleVisibility.JPQL + """
			and a.publishedAt >= :since
			order by a.publishedAt desc, a.id desc
			""")
	List<ArticleStamp> findPublishedStampsSince(Instant since, Instant now, Pageable pageable);

	@Query("""
			select count(a) from Article a
			where """ + ArticleVisibility.JPQL + """
			""")
	long countPublished(Instant now);

	@Query("""
			select a.category.slug, max(a.updatedAt) from Article a
			where """ + ArticleVisibility.JPQL + """
			group by a.category.slug
			""")
	List<Object[]> findLastUpdatedByCategory(Instant now);

}
