package dev.shimbun.ranking;

import dev.shimbun.article.ArticlePageRequest;
import dev.shimbun.article.ArticlePageSection;
import dev.shimbun.article.ArticleView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** "こんな記事も読まれています" below an article: its also-read list. */
@Component
class AlsoReadSection implements ArticlePageSection {

	private final CuratedListService lists;

	AlsoReadSection(CuratedListService lists) {
		this.lists = lists;
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public String fragment() {
		return "ranking/_also-read :: also-read";
	}

	@Override
	public void addTo(Model model, ArticleView article, ArticlePageRequest request) {
		model.addAttribute("alsoRead", this.lists.alsoRead(article.id()));
	}

}
