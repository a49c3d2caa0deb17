package dev.shimbun.category;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryRepository extends JpaRepository<Category, Long> {

	List<Category> findAllByOrderByPositionAsc();

	Optional<Category> findBySlug(String slug);

}
