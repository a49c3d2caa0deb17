package dev.shimbun.search;

import java.util.List;

import dev.shimbun.PageMeta;
import dev.shimbun.category.CategoryService;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.support.WebSliceTest;
import dev.shimbun.support.WebSlices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The search page's controller on its own: the page number it asks for, its title with
 * and without a query, and the page kept out of search engines.
 */
@WebSliceTest(SearchController.class)
class SearchControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SearchService search;

	@Autowired
	private CategoryService categories;

	@Autowired
	private CuratedListService lists;

	@BeforeEach
	void layout() {
		WebSlices.emptyLayout(this.categories, this.lists);
		given(this.search.search(anyString(), anyInt()))
			.willAnswer((call) -> new SearchResults(call.getArgument(0), null, List.of(), 0, call.getArgument(1), 0));
	}

	@Test
	void searchWhenQueryThenTitleNamesItAndThePageIsNotIndexed() throws Exception {
		MvcResult result = this.mvc.perform(get("/search").param("q", "核兵"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/results"))
			.andExpect(header().string("X-Robots-Tag", "noindex"))
			.andExpect(model().attribute("results", new SearchResults("核兵", null, List.of(), 0, 1, 0)))
			.andReturn();
		PageMeta meta = (PageMeta) result.getModelAndView().getModel().get("meta");
		assertThat(meta.title()).isEqualTo("「核兵」の検索結果");
		assertThat(meta.path()).isEqualTo("/search");
		assertThat(meta.noindex()).isTrue();
	}

	@Test
	void searchWhenNoQueryThenTheEmptyQueryIsSearchedUnderTheSearchTitle() throws Exception {
		MvcResult result = this.mvc.perform(get("/search"))
			.andExpect(status().isOk())
			.andExpect(view().name("search/results"))
			.andExpect(header().string("X-Robots-Tag", "noindex"))
			.andReturn();
		then(this.search).should().search("", 1);
		assertThat(((PageMeta) result.getModelAndView().getModel().get("meta")).title()).isEqualTo("記事検索");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "3|3", "x|1", "-2|1", "0|1", "''|1", "99999999999|2147483647", "2,3|1" })
	void searchWhenPageParameterThenTheLenientPageNumberIsAskedFor(String page, int asked) throws Exception {
		this.mvc.perform(get("/search").param("q", "羊羹").param("page", page)).andExpect(status().isOk());
		then(this.search).should().search("羊羹", asked);
	}

}
