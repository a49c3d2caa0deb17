package dev.shimbun.article;

import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces each {@link ArticleChanged} to every instance (page caches, rankings,
 * sidebars), in the transaction of the change, so that it is announced if and only if it
 * is committed. The announcement names the article by its slug, which is what pages are
 * found by; a change of address is announced for the old slug too.
 */
@Component
class ArticleAnnouncer {

	private final ClusterEvents cluster;

	ArticleAnnouncer(ClusterEvents cluster) {
		this.cluster = cluster;
	}

	@EventListener
	void on(ArticleChanged change) {
		if (change.previousSlug() != null) {
			this.cluster.changed(Topic.ARTICLE, change.previousSlug());
		}
		this.cluster.changed(Topic.ARTICLE, change.slug());
	}

}
