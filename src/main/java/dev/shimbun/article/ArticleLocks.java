package dev.shimbun.article;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lock on one article's row, for features whose writes about an article must take turns
 * (on every instance: it is the database's row lock).
 */
@Component
public class ArticleLocks {

	private final EntityManager entityManager;

	ArticleLocks(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Holds the article's row until the caller's transaction ends; another transaction
	 * asking for the same article waits here until then.
	 * @return whether there is such an article
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean hold(Long articleId) {
		return !this.entityManager.createNativeQuery("SELECT id FROM article WHERE id = :id FOR UPDATE")
			.setParameter("id", articleId)
			.getResultList()
			.isEmpty();
	}

}
