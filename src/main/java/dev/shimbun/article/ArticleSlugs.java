package dev.shimbun.article;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.shimbun.ShimbunProperties;

import org.springframework.stereotype.Component;

/**
 * Slugs for articles created without one: the day in the newsroom's zone and six random
 * characters that cannot be misread (no {@code l}, {@code o}, {@code 0}, {@code 1}), such
 * as {@code 20250610-k3m9qa}; drawn again in the rare case it is taken.
 */
@Component
class ArticleSlugs {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final ArticleRepository articles;

	private final ZoneId zone;

	private final SecureRandom random = new SecureRandom();

	ArticleSlugs(ArticleRepository articles, ShimbunProperties properties) {
		this.articles = articles;
		this.zone = properties.site().zone();
	}

	/** A free slug for an article created at this instant. */
	String generate(Instant now) {
		String date = DAY.format(now.atZone(this.zone));
		while (true) {
			StringBuilder slug = new StringBuilder(date).append('-');
			for (int i = 0; i < 6; i++) {
				slug.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
			if (!this.articles.existsBySlug(slug.toString())) {
				return slug.toString();
			}
		}
	}

}
