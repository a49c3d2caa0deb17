package dev.shimbun.web;

import java.util.List;
import java.util.Objects;

import dev.shimbun.PageMeta;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleSummary;
import dev.shimbun.article.ArticleView;
import dev.shimbun.pagecache.PageTags;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.ranking.ListView;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final ArticleService articles;

	private final CuratedListService lists;

	private final ShimbunProperties properties;

	HomeController(ArticleService articles, CuratedListService lists, ShimbunProperties properties) {
		this.articles = articles;
		this.lists = lists;
		this.properties = properties;
	}

	@GetMapping("/")
	String home(Model model, HttpServletRequest request) {
		int latestCount = this.properties.pages().latestOnFront();
		List<ArticleSummary> latest = this.articles.latest(latestCount + 1);
		ArticleView top = topStory(latest);
		List<ArticleSummary> rest = latest.stream()
			.filter((summary) -> top == null || !Objects.equals(summary.id(), top.id()))
			.limit(latestCount)
			.toList();
		if (top != null) {
			// its summary and picture: an edit of its text alone changes this page
			PageTags.showsSummary(request, top.slug());
		}
		ShimbunProperties.Site site = this.properties.site();
		model.addAttribute("meta", PageMeta.website(null, site.description(), "/"));
		model.addAttribute("top", top);
		model.addAttribute("latest", rest);
		return "home/index";
	}

	/** The editors' top story, or else the newest article. */
	private ArticleView topStory(List<ArticleSummary> latest) {
		ListView chosen = this.lists.topStories();
		if (!chosen.isEmpty()) {
			return this.articles.getPublished(chosen.entries().get(0).slug());
		}
		return latest.isEmpty() ? null : this.articles.getPublished(latest.get(0).slug());
	}

}
