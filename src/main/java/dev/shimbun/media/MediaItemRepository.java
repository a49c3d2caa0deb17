package dev.shimbun.media;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MediaItemRepository extends JpaRepository<MediaItem, Long> {

	Page<MediaItem> findAllBy(Pageable pageable);

	List<MediaItem> findByIdIn(Collection<Long> ids);

	/**
	 * Items whose file name, alt text, caption or credit contains the pattern: a lower
	 * case {@code LIKE} pattern with {@code !} as its escape character.
	 */
	@Query("""
			select m from MediaItem m
			where lower(m.originalName) like :pattern escape '!'
			   or lower(m.altText) like :pattern escape '!'
			   or lower(m.caption) like :pattern escape '!'
			   or lower(m.credit) like :pattern escape '!'
			""")
	Page<MediaItem> search(String pattern, Pageable pageable);

}
