package dev.shimbun.ranking;

import java.time.ZonedDateTime;

/**
 * The views of one article in one period (an hour or a day) that starts at {@code start},
 * in the site's zone.
 */
public record ViewPoint(ZonedDateTime start, long views) {

}
