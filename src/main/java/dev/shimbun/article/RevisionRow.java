package dev.shimbun.article;

import java.time.ZonedDateTime;

/** A revision in the list of an article's revisions. */
public record RevisionRow(int number, ZonedDateTime createdAt, String createdBy, String note) {

}
