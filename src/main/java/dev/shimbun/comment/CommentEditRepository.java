package dev.shimbun.comment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentEditRepository extends JpaRepository<CommentEdit, Long> {

	List<CommentEdit> findByCommentIdInOrderByChangedAtAscIdAsc(Collection<Long> commentIds);

}
