package dev.shimbun.web;

import dev.shimbun.PageMeta;
import dev.shimbun.PageNumber;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleSummary;
import dev.shimbun.category.CategoryNotFoundException;
import dev.shimbun.category.CategoryPaths;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.ranking.RankingService;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A category page: the category's articles, newest first, beside its ranking. */
@Controller
class CategoryPageController {

	private final CategoryService categories;

	private final ArticleService articles;

	private final MessageSource messages;

	private final RankingService rankings;

	CategoryPageController(CategoryService categories, ArticleService articles, MessageSource messages,
			RankingService rankings) {
		this.rankings = rankings;
		this.categories = categories;
		this.articles = articles;
		this.messages = messages;
	}

	/**
	 * A page of the category's articles. Strict about {@code page} (see
	 * {@link PageNumber}): not a whole number is a 400, a page that does not exist a 404.
	 */
	@GetMapping(CategoryPaths.PAGE)
	String show(@PathVariable String slug, @RequestParam(required = false) String page, Model model) {
		CategoryView category = this.categories.get(slug);
		int number = PageNumber.strict(page).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		if (number < 1) {
			throw new CategoryNotFoundException(slug);
		}
		Page<ArticleSummary> articles = this.articles.pageInCategory(category.id(), number - 1);
		if (number > 1 && number > articles.getTotalPages()) {
			throw new CategoryNotFoundException(slug);
		}
		String path = category.path() + ((number > 1) ? "?page=" + number : "");
		String title = (number > 1) ? this.messages.getMessage("category.title.page",
				new Object[] { category.name(), number }, Locale.JAPANESE) : category.name();
		String description = this.messages.getMessage("category.description", new Object[] { category.name() },
				Locale.JAPANESE);
		model.addAttribute("meta", PageMeta.website(title, description, path));
		model.addAttribute("category", category);
		model.addAttribute("currentCategory", category.slug());
		model.addAttribute("categoryRanking", this.rankings.topInCategory(category.id()));
		model.addAttribute("articles", articles);
		model.addAttribute("currentPage", number);
		return "category/show";
	}

}
