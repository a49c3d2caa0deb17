package dev.shimbun.article;

import org.springframework.core.Ordered;
import org.springframework.ui.Model;

/**
 * A part of the article page that another feature contributes below the article (the
 * related articles, the comments): the model attributes it needs and the template
 * fragment that shows them. Sections are shown in {@link Ordered} order.
 * <p>
 * The article feature owns this interface so that it imports none of the features that
 * add to its page.
 */
public interface ArticlePageSection extends Ordered {

	/** The fragment that shows the section, as {@code "template :: selector"}. */
	String fragment();

	/** Adds what {@link #fragment()} shows for this article and request. */
	void addTo(Model model, ArticleView article, ArticlePageRequest request);

}
