package dev.shimbun.comment;

import java.io.IOException;

import dev.shimbun.article.ArticleNotFoundException;
import dev.shimbun.article.ArticlePageRequest;
import dev.shimbun.article.ArticlePaths;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleView;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of an article's comments for the page's script: a Server-Sent Events
 * stream that says when comments or reaction counts changed ({@link CommentStreams}), and
 * the comments section alone, as the article page renders it, for the script to find what
 * is new. Without JavaScript, or when the stream is refused, nothing of this is used and
 * the page stays as it is.
 */
@Controller
class CommentLiveController {

	static final String STREAM = ArticlePaths.COMMENTS + "/stream";

	static final String SECTION = ArticlePaths.COMMENTS + "/section";

	private final ArticleService articles;

	private final CommentStreams streams;

	private final CommentsSection section;

	CommentLiveController(ArticleService articles, CommentStreams streams, CommentsSection section) {
		this.articles = articles;
		this.streams = streams;
		this.section = section;
	}

	@GetMapping(path = STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> stream(@PathVariable String slug) throws IOException {
		if (!this.articles.isPublished(slug)) {
			throw new ArticleNotFoundException(slug);
		}
		SseEmitter emitter = this.streams.open(slug);
		if (emitter == null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").build();
		}
		// not to be kept by any cache, nor held back by a proxy's buffer
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no").body(emitter);
	}

	/**
	 * The comments section as the article page with the same query parameters shows it
	 * (kept by the page cache like the page, see {@link CacheableCommentsSection}).
	 */
	@GetMapping(SECTION)
	String section(@PathVariable String slug, @RequestParam MultiValueMap<String, String> parameters, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		model.addAttribute("article", article);
		this.section.addTo(model, article, ArticlePageRequest.reading(parameters));
		return "comment/_comments :: comments";
	}

}
