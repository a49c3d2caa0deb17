package dev.shimbun.web;

import java.util.List;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleService;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.comment.CommentService;
import dev.shimbun.observability.RequestId;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.ranking.SidebarView;
import dev.shimbun.search.SearchService;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the site layout shows: the site identity, the main menus and the
 * sidebars, and the request id that error pages ask readers to quote. It applies to the
 * controllers of pages in that layout (articles and their previews, categories, the front
 * page) and to error pages, not to images or admin forms. A failure here must not hide an
 * error page: it is logged and the page is shown without menus.
 */
@ControllerAdvice(basePackageClasses = { ArticleService.class, CategoryService.class, CommentService.class,
		SearchService.class, LayoutAdvice.class }, assignableTypes = ErrorController.class)
class LayoutAdvice {

	private static final Logger logger = LoggerFactory.getLogger(LayoutAdvice.class);

	private final ShimbunProperties.Site site;

	private final CategoryService categories;

	private final CuratedListService lists;

	LayoutAdvice(ShimbunProperties properties, CategoryService categories, CuratedListService lists) {
		this.site = properties.site();
		this.categories = categories;
		this.lists = lists;
	}

	@ModelAttribute("site")
	ShimbunProperties.Site site() {
		return this.site;
	}

	@ModelAttribute("requestId")
	String requestId(HttpServletRequest request) {
		return RequestId.of(request);
	}

	@ModelAttribute("menu")
	List<CategoryView> menu() {
		try {
			return this.categories.menu();
		}
		catch (RuntimeException ex) {
			logger.warn("Main menu unavailable", ex);
			return List.of();
		}
	}

	@ModelAttribute("sidebar")
	SidebarView sidebar() {
		try {
			return this.lists.sidebar();
		}
		catch (RuntimeException ex) {
			logger.warn("Sidebar unavailable", ex);
			return SidebarView.empty();
		}
	}

}
