package dev.shimbun.ranking;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.shimbun.article.Article;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CuratedListRepository extends JpaRepository<CuratedList, Long> {

	/** The lists with their entries and the entries' articles, in one query. */
	@Query("""
			select distinct l from CuratedList l
			left join fetch l.entries e
			left join fetch e.article a
			where l.key in :keys
			""")
	List<CuratedList> findWithEntries(Collection<String> keys);

	/** One list with its entries and their articles. */
	@Query("""
			select l from CuratedList l
			left join fetch l.entries e
			left join fetch e.article a
			where l.id = :id
			""")
	Optional<CuratedList> findWithEntriesById(Long id);

	/** The version of a list, without loading it. */
	@Query("select l.version from CuratedList l where l.id = :id")
	Optional<Long> findVersionById(Long id);

	/**
	 * One list to change. Its version goes up when the transaction commits, whatever
	 * changed, so that concurrent edits of the entries alone are detected too.
	 */
	@Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
	@Query("select l from CuratedList l where l.id = :id")
	Optional<CuratedList> findForUpdateById(Long id);

	/**
	 * Every list with its mode and number of entries, in the order they were created.
	 */
	@Query("""
			select new dev.shimbun.ranking.ListRow(l.id, l.key, l.heading, l.mode, count(e))
			from CuratedList l left join l.entries e
			group by l.id, l.key, l.heading, l.mode
			order by l.id
			""")
	List<ListRow> findRows();

	/** The articles with these ids (those that exist), for entries to point at. */
	@Query("select a from Article a where a.id in :ids")
	List<Article> findArticles(Collection<Long> ids);

}
