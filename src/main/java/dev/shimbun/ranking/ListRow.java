package dev.shimbun.ranking;

/**
 * A curated list in the admin table: its heading, key, mode and number of entries.
 */
public record ListRow(Long id, String key, String heading, ListMode mode, long entryCount) {

}
