package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;

import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces each {@link ArticleChanged} to every instance (page caches, rankings,
 * sidebars), in the transaction of the change, so that it is announced if and only if it
 * is committed. The announcement names the article by its slug, which is what pages are
 * found by; a change of address is announced for the old slug too. An edit that leaves
 * the article on the site at the same address is announced as such, and as a text edit
 * when what lists and links show of it is as it was.
 */
@Component
class ArticleAnnouncer {

	private final ClusterEvents cluster;

	private final ArticleRepository articles;

	private final Clock clock;

	ArticleAnnouncer(ClusterEvents cluster, ArticleRepository articles, Clock clock) {
		this.cluster = cluster;
		this.articles = articles;
		this.clock = clock;
	}

	@EventListener
	void on(ArticleChanged change) {
		if (change.previousSlug() != null) {
			this.cluster.changed(Topic.ARTICLE, change.previousSlug());
		}
		Topic topic = Topic.ARTICLE;
		if (staysOnTheSite(change)) {
			topic = change.listingChanged() ? Topic.ARTICLE_EDITED : Topic.ARTICLE_TEXT_EDITED;
		}
		this.cluster.changed(topic, change.slug());
	}

	/**
	 * Whether an editor's save or restore left the article where readers see it, at the
	 * same address (as the transaction sees it, before its commit).
	 */
	private boolean staysOnTheSite(ArticleChanged change) {
		if (change.previousSlug() != null || (change.change() != ArticleChanged.Change.SAVED
				&& change.change() != ArticleChanged.Change.RESTORED)) {
			return false;
		}
		Instant now = this.clock.instant();
		return this.articles.findById(change.articleId()).filter((article) -> article.isVisibleAt(now)).isPresent();
	}

}
