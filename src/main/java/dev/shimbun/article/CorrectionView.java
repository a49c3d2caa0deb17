package dev.shimbun.article;

import java.time.ZonedDateTime;

/** A 訂正・追記 note as the article page shows it. */
public record CorrectionView(ZonedDateTime notedAt, String body) {

}
