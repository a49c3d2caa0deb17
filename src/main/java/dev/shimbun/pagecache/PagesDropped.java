package dev.shimbun.pagecache;

import java.util.Set;

/**
 * Pages were dropped from this instance's page cache, named by the tags that pages carry
 * (see {@link PageTags}): an edge cache in front can drop the same pages. Published on
 * every instance that drops them, for changes made there or announced by another
 * instance.
 *
 * @param tags the tags of the pages dropped
 * @param soft whether the pages may still be served while one request renders them again
 * (another's change), rather than not at all (the reader's own comment, a page taken off
 * the site)
 */
public record PagesDropped(Set<String> tags, boolean soft) {

}
