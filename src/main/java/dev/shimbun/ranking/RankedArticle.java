package dev.shimbun.ranking;

/** An article in a computed ranking, with what a list shows of it. */
public record RankedArticle(Long id, String slug, String headline, Long categoryId, String categoryName, long views) {

}
