package dev.shimbun.article;

/**
 * An article the editor offers for a related-article card.
 *
 * @param id the article
 * @param path its page
 * @param headline its headline
 */
public record ArticleLookup(Long id, String path, String headline) {

}
