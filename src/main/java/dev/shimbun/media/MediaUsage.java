package dev.shimbun.media;

import java.time.Instant;

/**
 * Whether readers may see a media item: implemented by each feature that shows media
 * items on public pages (articles, through their figures), so that this feature needs
 * none of them. An item that no implementation says is shown, such as one only in the
 * library or only in drafts and articles not yet (or no longer) visible, is served to
 * editors only.
 */
public interface MediaUsage {

	/** Whether a page that readers can see at this instant shows the item. */
	boolean shownToReaders(long mediaId, Instant now);

}
