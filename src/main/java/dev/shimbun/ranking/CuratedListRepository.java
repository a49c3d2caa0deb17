package dev.shimbun.ranking;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
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

}
