package dev.shimbun.article;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorRepository extends JpaRepository<Author, Long> {

	List<Author> findAllByOrderByDisplayNameAsc();

}
