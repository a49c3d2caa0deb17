package dev.shimbun.category;

import dev.shimbun.support.SeedSiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Category pages, with a small page size so that the seed's 8 news articles span 3 pages.
 */
@SeedSiteTest
class CategoryPageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void firstPageShowsTheNewestArticlesAndPageLinks() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/categories/news");
		assertThat(page.selectFirst("h1").text()).isEqualTo("ニュース");
		assertThat(page.title()).isEqualTo("ニュース | Shimbun");
		assertThat(page.select(".summary")).hasSize(3);
		assertThat(page.selectFirst(".summary a").attr("href"))
			.isEqualTo("/articles/us-japan-extended-deterrence-dialogue-barksdale-b52");
		assertThat(page.select("nav.pagination a[aria-current=page]").text()).isEqualTo("1");
		assertThat(page.select("nav.pagination a").eachText()).containsExactly("1", "2", "3", "次のページ");
		assertThat(page.selectFirst("#main-menu-top a[aria-current=page]").text()).isEqualTo("ニュース");
	}

	@Test
	void lastPageShowsTheRest() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/categories/news?page=3");
		assertThat(page.select(".summary")).hasSize(2);
		assertThat(page.title()).isEqualTo("ニュース(3ページ目) | Shimbun");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("http://localhost:8080/categories/news?page=3");
		assertThat(page.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/categories/news?page=2");
		assertThat(page.select("nav.pagination a[rel=next]")).isEmpty();
	}

	@Test
	void pagesOutOfRangeAndUnknownCategoriesAreNotFound() throws Exception {
		PageFetcher pages = new PageFetcher(this.mvc);
		pages.get("/categories/news?page=4", 404);
		pages.get("/categories/news?page=0", 404);
		pages.get("/categories/no-such-category", 404);
	}

	@Test
	void aPageNumberThatIsNoNumberIsABadRequest() throws Exception {
		new PageFetcher(this.mvc).get("/categories/news?page=abc", 400);
	}

	@Test
	void categoryWithOneArticleHasNoPagination() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/categories/hybe-idol");
		assertThat(page.select(".summary")).hasSize(1);
		assertThat(page.select("nav.pagination")).isEmpty();
	}

}
