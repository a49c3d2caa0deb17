package dev.shimbun.comment;

import java.time.Clock;

import dev.shimbun.article.Article;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;
import jakarta.persistence.EntityManager;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores comments for tests through the comment repository, in a transaction, and
 * announces them as posting does. The entry point of {@link dev.shimbun.support.Comments}
 * to what this package keeps to itself.
 */
public final class CommentFixture {

	private CommentFixture() {
	}

	public static Long store(ApplicationContext context, Long articleId, Long parentId, String nickname, String body,
			CommentStatus status, boolean featured) {
		EntityManager entityManager = context.getBean(EntityManager.class);
		CommentRepository comments = context.getBean(CommentRepository.class);
		Clock clock = context.getBean(Clock.class);
		TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		return transaction.execute((state) -> {
			Article article = entityManager.find(Article.class, articleId);
			Comment comment = new Comment(article, parentId, nickname, body, status, clock.instant(), null, null);
			comment.feature(featured);
			comments.save(comment);
			context.getBean(ClusterEvents.class).changed(Topic.COMMENTS, article.getSlug());
			return comment.getId();
		});
	}

}
