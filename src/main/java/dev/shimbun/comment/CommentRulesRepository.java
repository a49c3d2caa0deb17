package dev.shimbun.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRulesRepository extends JpaRepository<CommentRules, Long> {

}
