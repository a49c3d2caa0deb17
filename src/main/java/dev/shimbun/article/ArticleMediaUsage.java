package dev.shimbun.article;

import java.time.Instant;

import dev.shimbun.media.MediaUsage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the media library which items readers may see: those shown by a figure of an
 * article visible at that instant (a scheduled article's images become public at its
 * publication time, and stop being so at its unpublish time).
 */
@Component
class ArticleMediaUsage implements MediaUsage {

	private final ArticleRepository articles;

	ArticleMediaUsage(ArticleRepository articles) {
		this.articles = articles;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean shownToReaders(long mediaId, Instant now) {
		return this.articles.countVisibleWithMedia(mediaId, now) > 0;
	}

}
