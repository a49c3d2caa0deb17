package dev.shimbun.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;

import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleSummary;
import dev.shimbun.article.ArticleView;
import dev.shimbun.article.CommentMode;
import dev.shimbun.category.CategoryService;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.ranking.ListView;
import dev.shimbun.support.WebSliceTest;
import dev.shimbun.support.WebSlices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The front page's controller on its own: the editors' top story if they chose one, or
 * else the newest article; then the latest articles without the top story.
 */
@WebSliceTest(HomeController.class)
class HomeControllerTests {

	private static final ZonedDateTime NOON = ZonedDateTime.parse("2026-01-15T12:00:00+09:00[Asia/Tokyo]");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ArticleService articles;

	@Autowired
	private CuratedListService lists;

	@Autowired
	private CategoryService categories;

	@BeforeEach
	void layout() {
		WebSlices.emptyLayout(this.categories, this.lists);
		given(this.lists.topStories()).willReturn(ListView.empty("top"));
		given(this.articles.getPublished(anyString())).willAnswer((call) -> articleView(call.getArgument(0)));
	}

	@Test
	void homeWhenTheEditorsChoseATopStoryThenItLeadsAndTheLatestLeaveItOut() throws Exception {
		given(this.lists.topStories()).willReturn(new ListView("top", "トップ", false,
				List.of(new ListView.Entry("second", "二番目", null), new ListView.Entry("first", "一番目", null))));
		given(this.articles.latest(21))
			.willReturn(List.of(summary(1, "first"), summary(2, "second"), summary(3, "third")));
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(view().name("home/index"))
			.andExpect(model().attribute("top", articleView("second")))
			.andExpect(model().attribute("latest", List.of(summary(1, "first"), summary(3, "third"))));
	}

	@Test
	void homeWhenNoTopStoryChosenThenTheNewestLeads() throws Exception {
		given(this.articles.latest(21))
			.willReturn(List.of(summary(1, "first"), summary(2, "second"), summary(3, "third")));
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("top", articleView("first")))
			.andExpect(model().attribute("latest", List.of(summary(2, "second"), summary(3, "third"))));
	}

	@Test
	void homeWhenNoArticlesThenNoTopStoryAndAnEmptyList() throws Exception {
		given(this.articles.latest(21)).willReturn(List.of());
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("top", nullValue()))
			.andExpect(model().attribute("latest", List.of()));
		then(this.articles).should(never()).getPublished(anyString());
	}

	@Test
	void homeWhenTheTopStoryIsNotAmongTheLatestThenTheLatestAreCutToTwenty() throws Exception {
		given(this.lists.topStories())
			.willReturn(new ListView("top", "トップ", false, List.of(new ListView.Entry("older", "古い記事", null))));
		given(this.articles.latest(21))
			.willReturn(IntStream.rangeClosed(1, 21).mapToObj((i) -> summary(i, "article-" + i)).toList());
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("top", articleView("older")))
			.andExpect(model().attribute("latest", hasSize(20)));
	}

	private static ArticleSummary summary(long id, String slug) {
		return new ArticleSummary(id, slug, "見出し " + slug, "ニュース", "news", NOON);
	}

	/** The article page's view of an article; its id follows from its slug. */
	private static ArticleView articleView(String slug) {
		long id = switch (slug) {
			case "first" -> 1;
			case "second" -> 2;
			case "third" -> 3;
			default -> 100 + slug.length();
		};
		return new ArticleView(id, slug, "見出し " + slug, "概要", "ニュース", "news", "記者", null, NOON, NOON, 0, List.of(),
				List.of(), CommentMode.OPEN, true);
	}

}
