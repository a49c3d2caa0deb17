package dev.shimbun.category;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CategoryRepository extends JpaRepository<Category, Long> {

	List<Category> findAllByOrderByPositionAsc();

	Optional<Category> findBySlug(String slug);

	boolean existsBySlug(String slug);

	boolean existsByNameAndIdNot(String name, Long id);

	boolean existsByName(String name);

	/** The last position in the menus, 0 when there are no categories. */
	@Query("select coalesce(max(c.position), 0) from Category c")
	int findLastPosition();

}
