package dev.shimbun.web;

import java.time.ZonedDateTime;
import java.util.List;

import dev.shimbun.PageMeta;
import dev.shimbun.article.ArticleService;
import dev.shimbun.article.ArticleSummary;
import dev.shimbun.category.CategoryNotFoundException;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.ranking.RankingService;
import dev.shimbun.support.WebSliceTest;
import dev.shimbun.support.WebSlices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The category page's controller on its own: strict page numbers (400 for no number, 404
 * outside the pages there are), and the title and address of each page.
 */
@WebSliceTest(CategoryPageController.class)
class CategoryPageControllerTests {

	private static final CategoryView NEWS = new CategoryView(1L, "news", "ニュース");

	private static final ZonedDateTime NOON = ZonedDateTime.parse("2026-01-15T12:00:00+09:00[Asia/Tokyo]");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ArticleService articles;

	@MockitoBean
	private RankingService rankings;

	@Autowired
	private CategoryService categories;

	@Autowired
	private CuratedListService lists;

	/** The news category: 7 articles, 3 to a page. */
	@BeforeEach
	void newsInPagesOfThree() {
		WebSlices.emptyLayout(this.categories, this.lists);
		given(this.categories.get("news")).willReturn(NEWS);
		given(this.categories.get("no-such-category")).willThrow(new CategoryNotFoundException("no-such-category"));
		given(this.articles.pageInCategory(eq(1L), anyInt())).willAnswer((call) -> {
			int index = call.getArgument(1);
			List<ArticleSummary> all = java.util.stream.IntStream.range(0, 7)
				.mapToObj(CategoryPageControllerTests::summary)
				.toList();
			List<ArticleSummary> page = all.subList(Math.min(index * 3, 7), Math.min(index * 3 + 3, 7));
			return new PageImpl<>(page, PageRequest.of(index, 3), all.size());
		});
	}

	@Test
	void firstPageIsTheCategoryWithoutAPageNumber() throws Exception {
		MvcResult result = this.mvc.perform(get("/categories/news"))
			.andExpect(status().isOk())
			.andExpect(view().name("category/show"))
			.andExpect(model().attribute("category", NEWS))
			.andExpect(model().attribute("currentCategory", "news"))
			.andExpect(model().attribute("currentPage", 1))
			.andExpect(model().attributeExists("categoryRanking", "articles"))
			.andReturn();
		PageMeta meta = meta(result);
		assertThat(meta.title()).isEqualTo("ニュース");
		assertThat(meta.path()).isEqualTo("/categories/news");
		assertThat(meta.description()).isEqualTo("ニュースの記事一覧");
		then(this.articles).should().pageInCategory(1L, 0);
		then(this.rankings).should().topInCategory(1L);
	}

	@Test
	void laterPageHasItsNumberInTitleAndAddress() throws Exception {
		MvcResult result = this.mvc.perform(get("/categories/news").param("page", "3"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("currentPage", 3))
			.andReturn();
		assertThat(meta(result).title()).isEqualTo("ニュース(3ページ目)");
		assertThat(meta(result).path()).isEqualTo("/categories/news?page=3");
		then(this.articles).should().pageInCategory(1L, 2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "4", "0", "-1", "2147483648", "99999999999999999999" })
	void pageOutsideThePagesThereAreIsNotFound(String page) throws Exception {
		this.mvc.perform(get("/categories/news").param("page", page)).andExpect(status().isNotFound());
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1.5", "３", "2,3" })
	void pageThatIsNoWholeNumberIsABadRequest(String page) throws Exception {
		this.mvc.perform(get("/categories/news").param("page", page)).andExpect(status().isBadRequest());
		then(this.articles).should(never()).pageInCategory(anyLong(), anyInt());
	}

	@Test
	void blankPageIsTheFirst() throws Exception {
		this.mvc.perform(get("/categories/news").param("page", " "))
			.andExpect(status().isOk())
			.andExpect(model().attribute("currentPage", 1));
	}

	@Test
	void categoryWithoutArticlesHasItsFirstPageOnly() throws Exception {
		given(this.articles.pageInCategory(eq(1L), anyInt()))
			.willAnswer((call) -> new PageImpl<ArticleSummary>(List.of(), PageRequest.of(call.getArgument(1), 3), 0));
		this.mvc.perform(get("/categories/news")).andExpect(status().isOk());
		this.mvc.perform(get("/categories/news").param("page", "2")).andExpect(status().isNotFound());
	}

	@Test
	void unknownCategoryIsNotFound() throws Exception {
		this.mvc.perform(get("/categories/no-such-category")).andExpect(status().isNotFound());
		then(this.articles).shouldHaveNoInteractions();
	}

	private static PageMeta meta(MvcResult result) {
		return (PageMeta) result.getModelAndView().getModel().get("meta");
	}

	private static ArticleSummary summary(int index) {
		return new ArticleSummary((long) index + 1, "news-" + index, "見出し" + index, "ニュース", "news", NOON);
	}

}
