package dev.shimbun.comment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleView;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readers' reactions to comments, without accounts or cookies: one of each kind per
 * client (the keyed hash of its address) and comment, pressed again to take it back.
 * Presses on a comment take turns on its row, so the counts stay exact under concurrent
 * presses, on one instance or several. A press does not change the article's cached page:
 * the counts there catch up when the page is next rendered, and the page's script asks
 * for the current ones ({@link #counts}), on loading and whenever a press is announced
 * ({@code REACTIONS}) to the readers with the article open.
 */
@Service
@Transactional(readOnly = true)
public class CommentReactions {

	private final CommentReactionTables tables;

	private final ClientHasher hasher;

	private final CommentRateLimiter limiter;

	private final Clock clock;

	private final List<String> labels;

	private final ClusterEvents cluster;

	private final TransactionTemplate writes;

	CommentReactions(CommentReactionTables tables, ClientHasher hasher, CommentRateLimiter limiter, Clock clock,
			ShimbunProperties properties, ClusterEvents cluster, PlatformTransactionManager transactionManager) {
		this.writes = new TransactionTemplate(transactionManager);
		this.cluster = cluster;
		this.tables = tables;
		this.hasher = hasher;
		this.limiter = limiter;
		this.clock = clock;
		this.labels = properties.comments().reactionLabels();
	}

	/**
	 * Presses a reaction for the client: adds it, or takes it back when the client had
	 * pressed it.
	 * @return the comment's counts after it, and whether the reaction is now pressed
	 * @throws CommentNotFoundException when the comment is not a visible comment of the
	 * article, or a reply to a comment readers do not see
	 * @throws ReactionsRateLimitedException when the client pressed too many times
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Pressed press(ArticleView article, Long commentId, Reaction reaction, String clientAddress) {
		String client = this.hasher.hash(clientAddress);
		// the allowance first, outside the transaction: shared rate-limit buckets take a
		// connection of their own (CommentRateLimiter)
		Duration wait = this.limiter.tryReact(client);
		if (!wait.isZero()) {
			throw new ReactionsRateLimitedException(wait);
		}
		return this.writes.execute((status) -> store(article, commentId, reaction, client));
	}

	private Pressed store(ArticleView article, Long commentId, Reaction reaction, String client) {
		Long thread = this.tables.lockVisible(article.id(), commentId);
		if (thread == null) {
			throw new CommentNotFoundException(commentId);
		}
		boolean pressed = !this.tables.exists(commentId, client, reaction);
		if (pressed) {
			this.tables.add(commentId, client, reaction, this.clock.instant());
		}
		else {
			this.tables.remove(commentId, client, reaction);
		}
		// readers with the article open ask for the new counts; its cached page stays
		this.cluster.changed(Topic.REACTIONS, article.slug());
		return new Pressed(this.tables.countsOf(commentId), pressed, thread);
	}

	/** The counts of every visible comment of the article, by comment id. */
	public Map<Long, ReactionCounts> counts(Long articleId) {
		return this.tables.counts(articleId);
	}

	/** The reactions this client pressed on the article's comments, as "id:KIND". */
	public List<String> pressedBy(Long articleId, String clientAddress) {
		List<String> pressed = new ArrayList<>();
		this.tables.pressed(articleId, this.hasher.hash(clientAddress))
			.forEach((press) -> pressed.add(press.commentId() + ":" + press.reaction().name()));
		return pressed;
	}

	/** What readers see on each button, in the order of {@link Reaction}. */
	public List<String> labels() {
		return this.labels;
	}

	/**
	 * A press's outcome.
	 *
	 * @param counts the comment's counts after it
	 * @param pressed whether the reaction is now pressed by the client
	 * @param thread the top-level comment of the comment's thread
	 */
	public record Pressed(ReactionCounts counts, boolean pressed, Long thread) {
	}

}
