package dev.shimbun.comment;

import dev.shimbun.article.ArticlePaths;
import dev.shimbun.comment.CommentMetrics.Refusal;
import dev.shimbun.security.PublicRequestGuard;

import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts the comments that the {@link PublicRequestGuard} refuses (from another site, too
 * large, not decodable) among the refused comments, on the path as the dispatcher matches
 * it, however it was written. Refused reports are not counted.
 */
@Component
class CommentRefusals implements PublicRequestGuard.RefusalListener {

	private static final PathPattern COMMENTS = PathPatternParser.defaultInstance.parse(ArticlePaths.COMMENTS);

	private final CommentMetrics metrics;

	CommentRefusals(CommentMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void refused(RequestPath path, PublicRequestGuard.Refusal refusal) {
		if (COMMENTS.matches(path.pathWithinApplication())) {
			this.metrics.refused(switch (refusal) {
				case CROSS_SITE -> Refusal.CROSS_SITE;
				case TOO_LARGE -> Refusal.TOO_LARGE;
				case MALFORMED -> Refusal.MALFORMED;
			});
		}
	}

}
