package dev.shimbun.article;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies publication and unpublish times to article statuses (see ArticleAdminService).
 */
@Component
public class ArticleScheduler {

	private final ArticleAdminService articles;

	ArticleScheduler(ArticleAdminService articles) {
		this.articles = articles;
	}

	/** Once per cluster: the instance that takes the lock does it. */
	@Scheduled(fixedDelayString = "${shimbun.scheduling.article-interval:30s}", initialDelayString = "10s")
	@SchedulerLock(name = "article-schedule", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5S")
	public void applySchedule() {
		this.articles.applySchedule();
	}

}
