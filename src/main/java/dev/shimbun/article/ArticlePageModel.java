package dev.shimbun.article;

import java.util.List;

import dev.shimbun.PageMeta;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of the article page (article/show.html), for the page itself, its preview and
 * the page shown again when a form on it is refused: the article, then what each
 * {@link ArticlePageSection} adds.
 */
@Component
public class ArticlePageModel {

	private final List<ArticlePageSection> sections;

	private final NewsArticleJsonLd jsonLd;

	ArticlePageModel(ObjectProvider<ArticlePageSection> sections, NewsArticleJsonLd jsonLd) {
		this.sections = sections.orderedStream().toList();
		this.jsonLd = jsonLd;
	}

	public void fill(Model model, ArticleView article, ArticlePageRequest request) {
		String image = article.figures().stream().findFirst().map(BlockView::imageUrl).orElse(null);
		model.addAttribute("meta", new PageMeta(article.headline(), article.description(), article.path(), "article",
				image, request.preview()));
		model.addAttribute("preview", request.preview());
		model.addAttribute("article", article);
		model.addAttribute("jsonLd", this.jsonLd.of(article));
		for (ArticlePageSection section : this.sections) {
			section.addTo(model, article, request);
		}
		model.addAttribute("sections", this.sections.stream().map(ArticlePageSection::fragment).toList());
	}

}
