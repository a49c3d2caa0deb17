package dev.shimbun.article;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the articles' publication and unpublish times every
 * {@code shimbun.scheduling.article-interval} (see {@link ArticleSchedule}), once per
 * cluster: the instance that takes the lock does it.
 */
@Component
class ArticleScheduler {

	private final ArticleSchedule schedule;

	ArticleScheduler(ArticleSchedule schedule) {
		this.schedule = schedule;
	}

	@Scheduled(fixedDelayString = "#{@shimbunProperties.scheduling().articleInterval()}", initialDelayString = "10s")
	@SchedulerLock(name = "article-schedule", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5S")
	public void applySchedule() {
		this.schedule.apply();
	}

}
