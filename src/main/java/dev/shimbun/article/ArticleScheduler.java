package dev.shimbun.article;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies publication and unpublish times to article statuses (see ArticleAdminService).
 */
@Component
class ArticleScheduler {

	private final ArticleAdminService articles;

	ArticleScheduler(ArticleAdminService articles) {
		this.articles = articles;
	}

	@Scheduled(fixedDelayString = "${shimbun.scheduling.article-interval:30s}", initialDelayString = "10s")
	void applySchedule() {
		this.articles.applySchedule();
	}

}
