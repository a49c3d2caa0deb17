package dev.shimbun.pagecache;

import java.time.Instant;
import java.util.Optional;

/**
 * Something on the site that appears or disappears at a scheduled time (an article
 * published or unpublished, a list entry starting or ending), told by the feature that
 * schedules it. Every page is dropped at that time, since any page may show it.
 */
public interface ScheduledChanges {

	/**
	 * The earliest scheduled change after a time.
	 * @param now the current time
	 * @return the time of the next change, or empty when none is scheduled
	 */
	Optional<Instant> nextAfter(Instant now);

}
