package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes scheduled articles whose time has come and unpublishes those past their
 * unpublish time. Readers see the change at its time anyway (visibility is computed from
 * the times, see {@link ArticleVisibility}); this keeps the statuses and the audit log
 * true. {@link ArticleScheduler} runs it.
 */
@Service
public class ArticleSchedule {

	/**
	 * No article on the site has an earlier unpublish time: it had to be in the future
	 * when the article was saved ({@link ArticleRules}).
	 */
	static final Instant EARLIEST_UNPUBLISH_TIME = Instant.EPOCH;

	private final ArticleRepository articles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleSchedule(ArticleRepository articles, ApplicationEventPublisher events, Clock clock) {
		this.articles = articles;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Applies the times that have passed.
	 * @return how many articles changed
	 */
	@Transactional
	public int apply() {
		Instant now = this.clock.instant();
		int changed = 0;
		Set<Article> due = new LinkedHashSet<>(this.articles.findDueForPublication(now));
		due.addAll(this.articles.findDueForUnpublishing(EARLIEST_UNPUBLISH_TIME, now));
		for (Article article : due) {
			ArticleStatus before = article.getStatus();
			Optional<ArticleStatus> status = article.applySchedule(now);
			if (status.isPresent()) {
				changed++;
				this.events.publishEvent(ArticleChanged.scheduled(article, before));
			}
		}
		return changed;
	}

}
