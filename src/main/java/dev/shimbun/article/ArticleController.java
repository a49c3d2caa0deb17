package dev.shimbun.article;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ArticleController {

	private final ArticleService articles;

	private final ArticlePageModel page;

	ArticleController(ArticleService articles, ArticlePageModel page) {
		this.articles = articles;
		this.page = page;
	}

	/**
	 * The article page. Its query parameters belong to the sections below the article
	 * (the comments read {@code corder}, {@code cpage}, {@code comment} and
	 * {@code reported}).
	 */
	@GetMapping(ArticlePaths.PAGE)
	String show(@PathVariable String slug, @RequestParam MultiValueMap<String, String> parameters, Model model) {
		ArticleView article = this.articles.getPublished(slug);
		this.page.fill(model, article, ArticlePageRequest.reading(parameters));
		return "article/show";
	}

}
