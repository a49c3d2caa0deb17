package dev.shimbun.search;

import java.util.Locale;

import dev.shimbun.PageMeta;
import dev.shimbun.PageNumber;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search results page. Search engines are asked to leave it out (meta robots and
 * {@code X-Robots-Tag}); a blank, too long or unusual query gets an empty page, never an
 * error, and any {@code page} is read (see {@link PageNumber}: past the last, the last).
 */
@Controller
class SearchController {

	private final SearchService search;

	private final MessageSource messages;

	SearchController(SearchService search, MessageSource messages) {
		this.search = search;
		this.messages = messages;
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		SearchResults results = this.search.search(q, PageNumber.lenient(page));
		String title = results.query().isEmpty() ? this.messages.getMessage("search.title", null, Locale.JAPANESE)
				: this.messages.getMessage("search.title.query", new Object[] { results.query() }, Locale.JAPANESE);
		response.setHeader("X-Robots-Tag", "noindex");
		model.addAttribute("meta", new PageMeta(title, title, "/search", "website", null, true));
		model.addAttribute("results", results);
		return "search/results";
	}

}
