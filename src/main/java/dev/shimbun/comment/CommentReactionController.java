package dev.shimbun.comment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.shimbun.article.ArticlePaths;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Readers react to comments: a plain form per comment (Post/Redirect/Get back to it), or
 * JSON for the page's script, which also asks for the current counts (the cached page may
 * show counts a little old). Like every public POST, presses pass the origin and size
 * checks of {@code PublicRequestGuard}.
 */
@Controller
class CommentReactionController {

	static final String REACTIONS = ArticlePaths.COMMENTS + "/{id}/reactions";

	private final ArticleService articles;

	private final CommentReactions reactions;

	CommentReactionController(ArticleService articles, CommentReactions reactions) {
		this.articles = articles;
		this.reactions = reactions;
	}

	@PostMapping(path = REACTIONS, produces = "application/json")
	ResponseEntity<Map<String, Object>> pressForScript(@PathVariable String slug, @PathVariable Long id,
			@RequestParam(required = false) String reaction, HttpServletRequest request) {
		ArticleView article = this.articles.getPublished(slug);
		Optional<Reaction> chosen = Reaction.parse(reaction);
		if (chosen.isEmpty()) {
			return ResponseEntity.badRequest().body(Map.of("message", "反応の種類を読み取れませんでした。"));
		}
		try {
			CommentReactions.Pressed pressed = this.reactions.press(article, id, chosen.get(), request.getRemoteAddr());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("counts", counts(pressed.counts()));
			body.put("pressed", pressed.pressed());
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
		}
		catch (ReactionsRateLimitedException ex) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(ex)))
				.body(Map.of("message", "反応の操作が多すぎます。少し待ってからもう一度お試しください。"));
		}
	}

	@PostMapping(REACTIONS)
	String press(@PathVariable String slug, @PathVariable Long id, @RequestParam(required = false) String reaction,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		Reaction chosen = Reaction.parse(reaction).orElseThrow(() -> new UnknownReactionException(reaction));
		CommentReactions.Pressed pressed;
		try {
			pressed = this.reactions.press(article, id, chosen, request.getRemoteAddr());
		}
		catch (ReactionsRateLimitedException ex) {
			long seconds = seconds(ex);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60));
			model.addAttribute("articlePath", article.path());
			return "error/429";
		}
		return "redirect:" + article.path() + "?thread=" + pressed.thread() + "#comment-" + id;
	}

	/**
	 * The current counts of the article's visible comments, and which reactions this
	 * client pressed: for the page's script.
	 */
	@GetMapping(path = ArticlePaths.COMMENTS + "/reactions", produces = "application/json")
	ResponseEntity<Map<String, Object>> counts(@PathVariable String slug, HttpServletRequest request) {
		ArticleView article = this.articles.getPublished(slug);
		Map<String, Object> counts = new LinkedHashMap<>();
		this.reactions.counts(article.id())
			.forEach((comment, each) -> counts.put(String.valueOf(comment), counts(each)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("counts", counts);
		body.put("pressed", this.reactions.pressedBy(article.id(), request.getRemoteAddr()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	private static Map<String, Integer> counts(ReactionCounts counts) {
		Map<String, Integer> byName = new LinkedHashMap<>();
		for (Reaction reaction : Reaction.values()) {
			byName.put(reaction.name(), counts.of(reaction));
		}
		return byName;
	}

	private static long seconds(ReactionsRateLimitedException ex) {
		return Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
	}

}
