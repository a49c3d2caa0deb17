package dev.shimbun.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.shimbun.support.Articles;
import dev.shimbun.support.Comments;
import dev.shimbun.support.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Page numbers and filters as anyone may type them, on every paged list of the site and
 * the admin: never a server error. Lists show the nearest page; category pages answer 404
 * for a page that does not exist and 400 for a page that is no number; a filter that
 * cannot be read is named next to its field on a 400 list page.
 */
@SiteTest
@TestPropertySource(properties = { "shimbun.comments.page-size=2", "shimbun.pages.category-page-size=3",
		"shimbun.comments.per-minute=1000" })
class ListParametersTests {

	static final String ARTICLE = "/articles/paged-comments";

	/** Page parameters that are out of range, or no numbers at all. */
	static final List<String> ODD_PAGES = List.of("2147483647", "2147483648", "9999999999999999999", "-1", "0",
			"-2147483648", "-9999999999999999999", "abc", "", " ", "1.5", "1e3", "0x10", "３", "%00", "<b>");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	private MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user("chief").roles("ADMIN"))).andReturn().getResponse();
	}

	private Document page(MockHttpServletResponse response) throws Exception {
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void listsShowTheNearestPageWhateverThePageParameter() throws Exception {
		Long article = Articles.published()
			.slug("paged-comments")
			.headline("コメントの多い記事")
			.inCategory("fun")
			.save(this.context);
		for (int i = 0; i < 3; i++) {
			Comments.on(article).body("ページ送りの確認 " + i).save(this.context);
		}
		String[][] lists = { { ARTICLE, "cpage" }, { "/search?q=核兵", "page" }, { "/admin/articles", "page" },
				{ "/admin/media", "page" }, { "/admin/audit", "page" }, { "/admin/comments?queue=all", "page" } };
		for (String[] list : lists) {
			for (String value : ODD_PAGES) {
				MockHttpServletResponse response = fetch(get(list[0]).param(list[1], value));
				assertThat(response.getStatus()).as("%s %s=%s", list[0], list[1], value).isEqualTo(200);
			}
			MockHttpServletResponse repeated = fetch(get(list[0]).param(list[1], "2", "3"));
			assertThat(repeated.getStatus()).as("%s repeated", list[0]).isEqualTo(200);
		}
		// past the end, the last page, with its rows
		Document comments = page(fetch(get(ARTICLE).param("cpage", "2147483647")));
		assertThat(comments.select("nav.pagination a[aria-current=page]").text()).isEqualTo("2");
		assertThat(comments.select(".comment-list > li")).hasSize(1);
		assertThat(page(fetch(get("/search").param("q", "核兵").param("page", "2147483647")))
			.select(".search-results .summary")).hasSize(1);
		assertThat(page(fetch(get("/admin/articles").param("page", "9999999999999999999"))).select("tbody tr"))
			.isNotEmpty();
		assertThat(page(fetch(get("/admin/audit").param("page", "2147483647"))).select("tbody tr")).isNotEmpty();
		assertThat(page(fetch(get("/admin/comments?queue=all").param("page", "2147483647")))
			.select("#moderation-form tbody tr")).isNotEmpty();
	}

	@Test
	void categoryPagesAreStrict() throws Exception {
		for (String value : List.of("2147483647", "2147483648", "9999999999999999999", "-1", "0", "-2147483648", "4")) {
			assertThat(fetch(get("/categories/news").param("page", value)).getStatus()).as(value).isEqualTo(404);
		}
		for (String value : List.of("abc", "1.5", "1e3", "３", "<b>")) {
			assertThat(fetch(get("/categories/news").param("page", value)).getStatus()).as(value).isEqualTo(400);
		}
		assertThat(fetch(get("/categories/news").param("page", "2", "3")).getStatus()).isEqualTo(400);
		assertThat(fetch(get("/categories/news").param("page", "")).getStatus()).isEqualTo(200);
		assertThat(fetch(get("/categories/news").param("page", "3")).getStatus()).isEqualTo(200);
	}

	@Test
	void anAuditFilterThatCannotBeReadIsNamedNextToItsField() throws Exception {
		MockHttpServletResponse bogus = fetch(get("/admin/audit").param("action", "BOGUS"));
		assertThat(bogus.getStatus()).isEqualTo(400);
		Document page = page(bogus);
		assertThat(page.getElementById("action-error").text()).contains("操作の指定を読み取れませんでした");
		assertThat(page.getElementById("action").attr("aria-describedby")).isEqualTo("action-error");
		assertThat(page.select("tbody tr")).isNotEmpty();

		for (String date : List.of("notadate", "2025-13-01", "2025-02-30", "99999-01-01", "+999999999-12-31",
				"0000-01-01", "2025/06/10", "<script>")) {
			for (String field : List.of("from", "to")) {
				MockHttpServletResponse response = fetch(get("/admin/audit").param(field, date));
				assertThat(response.getStatus()).as("%s=%s", field, date).isEqualTo(400);
				Document shown = page(response);
				assertThat(shown.getElementById(field + "-error").text()).as(date).contains("2025-06-10");
				assertThat(shown.getElementById(field).val()).isEqualTo(date);
			}
		}
		MockHttpServletResponse range = fetch(
				get("/admin/audit").param("from", "2025-06-10").param("to", "2025-06-01"));
		assertThat(range.getStatus()).isEqualTo(400);
		assertThat(page(range).getElementById("to-error").text()).contains("終了日が開始日より前");

		MockHttpServletResponse good = fetch(get("/admin/audit").param("action", "ADMIN_CREATED")
			.param("from", "2000-01-01")
			.param("to", "9999-12-31"));
		assertThat(good.getStatus()).isEqualTo(200);
		assertThat(page(good).select(".field-error")).isEmpty();
	}

	@Test
	void anArticleFilterThatCannotBeReadIsNamedNextToItsField() throws Exception {
		MockHttpServletResponse status = fetch(get("/admin/articles").param("status", "BOGUS"));
		assertThat(status.getStatus()).isEqualTo(400);
		assertThat(page(status).getElementById("status-error").text()).contains("状態の指定を読み取れませんでした");
		assertThat(page(status).select("tbody tr")).isNotEmpty();
		for (String category : List.of("abc", "-1", "0", "999999", "9999999999999999999999", "1.5")) {
			MockHttpServletResponse response = fetch(get("/admin/articles").param("category", category));
			assertThat(response.getStatus()).as(category).isEqualTo(400);
			assertThat(page(response).getElementById("category-error").text()).contains("そのカテゴリーはありません");
		}
		assertThat(fetch(get("/admin/articles").param("status", "published")).getStatus()).isEqualTo(200);
	}

}
