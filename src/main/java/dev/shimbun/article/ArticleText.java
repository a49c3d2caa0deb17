package dev.shimbun.article;

import java.time.Instant;
import java.util.List;

/**
 * The words of an article as search reads them: headline, summary, paragraphs, with what
 * a result shows beside them.
 *
 * @param id the article
 * @param slug its slug
 * @param headline its headline
 * @param summary its summary, or null
 * @param categoryName the name of its category
 * @param publishedAt its publication time, or null for a draft
 * @param paragraphs the text of its paragraphs, in order
 */
public record ArticleText(Long id, String slug, String headline, String summary, String categoryName,
		Instant publishedAt, List<String> paragraphs) {

}
