package dev.shimbun.category;

import dev.shimbun.PageMeta;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleSummary;
import dev.shimbun.ranking.RankingService;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class CategoryController {

	private final CategoryService categories;

	private final ArticleService articles;

	private final MessageSource messages;

	private final RankingService rankings;

	CategoryController(CategoryService categories, ArticleService articles, MessageSource messages,
			RankingService rankings) {
		this.rankings = rankings;
		this.categories = categories;
		this.articles = articles;
		this.messages = messages;
	}

	@GetMapping("/categories/{slug}")
	String show(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		CategoryView category = this.categories.get(slug);
		if (page < 1) {
			throw new CategoryNotFoundException(slug);
		}
		Page<ArticleSummary> articles = this.articles.pageInCategory(category.id(), page - 1);
		if (page > 1 && page > articles.getTotalPages()) {
			throw new CategoryNotFoundException(slug);
		}
		String path = category.path() + ((page > 1) ? "?page=" + page : "");
		String title = (page > 1) ? this.messages.getMessage("category.title.page",
				new Object[] { category.name(), page }, Locale.JAPANESE) : category.name();
		String description = this.messages.getMessage("category.description", new Object[] { category.name() },
				Locale.JAPANESE);
		model.addAttribute("meta", PageMeta.website(title, description, path));
		model.addAttribute("category", category);
		model.addAttribute("currentCategory", category.slug());
		model.addAttribute("categoryRanking", this.rankings.topInCategory(category.id()));
		model.addAttribute("articles", articles);
		model.addAttribute("currentPage", page);
		return "category/show";
	}

}
