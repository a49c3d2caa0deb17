package dev.shimbun.category;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editors create, rename and reorder categories, and the top and bottom main menus
 * follow. The seeded categories are changed here, so this class has a context (and
 * database) of its own; each test states what it expects relative to what it finds.
 */
@SiteTest
@OwnContext
@DirtiesContext
@WithMockUser(username = "hanako", roles = "EDITOR")
class CategoryAdminTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CategoryService categories;

	@Autowired
	private AuditService audit;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void pageListsTheCategoriesInMenuOrder() throws Exception {
		Document page = fetcher().get("/admin/categories");
		List<String> names = this.categories.menu().stream().map(CategoryView::name).toList();
		assertThat(page.select("tbody tr input[name=name]").eachAttr("value")).containsExactlyElementsOf(names);
		assertThat(page.select("tbody tr").first().select("button").eachText()).contains("下へ:" + names.get(0))
			.noneMatch((text) -> text.startsWith("上へ"));
		for (Element input : page.select("main input:not([type=hidden])")) {
			assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
		}
	}

	@Test
	void aNewCategoryComesLastInBothMenus() throws Exception {
		create("国際", "world").andExpect(redirectedUrl("/admin/categories"))
			.andExpect(flash().attribute("notice", "categories.notice.created"));

		Document home = fetcher().get("/");
		assertThat(topMenu(home)).last().isEqualTo("国際");
		assertThat(bottomMenu(home)).last().isEqualTo("国際");
		assertThat(home.select("#main-menu-top a").last().attr("href")).isEqualTo("/categories/world");
		fetcher().get("/categories/world");
		assertThat(positionsAreContiguous()).isTrue();
		int position = this.categories.menu().size();
		assertThat(auditOf(AuditAction.CATEGORY_CREATED))
			.anySatisfy((entry) -> assertThat(entry.detail()).isEqualTo("国際 (world), " + position + "番目"));
	}

	@Test
	void renamingChangesBothMenusButNotTheAddress() throws Exception {
		CategoryView fun = this.categories.get("fun");
		int index = this.categories.menu().indexOf(fun);
		this.mvc.perform(post("/admin/categories/{id}/rename", fun.id()).with(csrf()).param("name", "おもしろニュース"))
			.andExpect(redirectedUrl("/admin/categories"))
			.andExpect(flash().attribute("notice", "categories.notice.renamed"));

		Document home = fetcher().get("/");
		assertThat(topMenu(home).get(index)).isEqualTo("おもしろニュース");
		assertThat(bottomMenu(home).get(index)).isEqualTo("おもしろニュース");
		assertThat(fetcher().get("/categories/fun").selectFirst("h1").text()).contains("おもしろニュース");
		assertThat(auditOf(AuditAction.CATEGORY_CHANGED))
			.anySatisfy((entry) -> assertThat(entry.detail()).contains("「おもしろ」→「おもしろニュース」"));
	}

	@Test
	void renamingToNothingOrATakenNameIsRefusedNextToTheField() throws Exception {
		CategoryView cars = this.categories.get("cars");
		Document page = parse(
				this.mvc.perform(post("/admin/categories/{id}/rename", cars.id()).with(csrf()).param("name", "トレンド"))
					.andExpect(status().isOk()));
		Element input = page.getElementById("category-" + cars.id() + "-name");
		assertThat(input.val()).isEqualTo("トレンド");
		assertThat(input.attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById(input.attr("aria-describedby")).text())
			.isEqualTo("このカテゴリー名はすでに使われています。別の名前にしてください。");

		page = parse(this.mvc.perform(post("/admin/categories/{id}/rename", cars.id()).with(csrf()).param("name", " "))
			.andExpect(status().isOk()));
		assertThat(page.getElementById("category-" + cars.id() + "-name-error").text()).isEqualTo("カテゴリー名を入力してください。");
		assertThat(this.categories.get("cars").name()).isEqualTo("自動車");
	}

	@Test
	void movingACategoryUpReordersBothMenus() throws Exception {
		List<String> before = topMenu(fetcher().get("/"));
		CategoryView third = this.categories.menu().get(2);
		this.mvc.perform(post("/admin/categories/{id}/move", third.id()).with(csrf()).param("direction", "UP"))
			.andExpect(redirectedUrl("/admin/categories"))
			.andExpect(flash().attribute("notice", "categories.notice.moved"));

		List<String> expected = new ArrayList<>(before);
		expected.set(1, before.get(2));
		expected.set(2, before.get(1));
		Document home = fetcher().get("/");
		assertThat(topMenu(home)).containsExactlyElementsOf(expected);
		assertThat(bottomMenu(home)).containsExactlyElementsOf(expected);
		assertThat(positionsAreContiguous()).isTrue();

		this.mvc.perform(post("/admin/categories/{id}/move", third.id()).with(csrf()).param("direction", "DOWN"))
			.andExpect(redirectedUrl("/admin/categories"));
		assertThat(topMenu(fetcher().get("/"))).containsExactlyElementsOf(before);
		assertThat(auditOf(AuditAction.CATEGORY_CHANGED))
			.anySatisfy((entry) -> assertThat(entry.detail()).contains("3番目→2番目"));
	}

	@Test
	void theFirstCannotMoveUpNorTheLastDown() throws Exception {
		List<CategoryView> before = this.categories.menu();
		this.mvc.perform(post("/admin/categories/{id}/move", before.get(0).id()).with(csrf()).param("direction", "UP"))
			.andExpect(redirectedUrl("/admin/categories"));
		this.mvc
			.perform(post("/admin/categories/{id}/move", before.get(before.size() - 1).id()).with(csrf())
				.param("direction", "DOWN"))
			.andExpect(redirectedUrl("/admin/categories"));
		this.mvc
			.perform(post("/admin/categories/{id}/move", before.get(0).id()).with(csrf()).param("direction", "LEFT"))
			.andExpect(status().isBadRequest());
		assertThat(this.categories.menu()).isEqualTo(before);
	}

	@Test
	void aTakenSlugIsRefusedClearly() throws Exception {
		Document page = parse(create("ニュース2", "news").andExpect(status().isOk()));
		assertThat(page.getElementById("slug-error").text()).isEqualTo("このスラッグはすでに使われています。別のスラッグにしてください。");
		assertThat(page.getElementById("name").val()).isEqualTo("ニュース2");
		assertThat(page.getElementById("slug").val()).isEqualTo("news");
	}

	@Test
	void aSlugThatIsNotLowerCaseAsciiIsRefusedClearly() throws Exception {
		for (String slug : new String[] { "経済", "World", "world news", "-world", "world--news", "ｗｏｒｌｄ" }) {
			Document page = parse(create("経済", slug).andExpect(status().isOk()));
			Element input = page.getElementById("slug");
			assertThat(input.val()).isEqualTo(slug);
			assertThat(input.attr("aria-invalid")).isEqualTo("true");
			assertThat(input.attr("aria-describedby")).contains("slug-error");
			assertThat(page.getElementById("slug-error").text()).as(slug)
				.startsWith("スラッグには半角の小文字英字(a-z)、数字(0-9)、ハイフン(-)だけが使えます。");
		}
		Document page = parse(create("", "").andExpect(status().isOk()));
		assertThat(page.getElementById("name-error").text()).isEqualTo("カテゴリー名を入力してください。");
		assertThat(page.getElementById("slug-error").text()).isEqualTo("スラッグを入力してください。");
		assertThat(this.categories.menu()).extracting(CategoryView::name).doesNotContain("経済");
	}

	@Test
	void eachFieldSaysOneThingWrongAtATime() throws Exception {
		Document page = parse(create("\u3000\u3000", "ｗ".repeat(81)).andExpect(status().isOk()));
		assertThat(page.getElementById("name-error").text()).isEqualTo("カテゴリー名を入力してください。");
		assertThat(page.getElementById("slug-error").text()).isEqualTo("スラッグは80文字以内で入力してください。");

		page = parse(create("あ".repeat(81), "\u3000").andExpect(status().isOk()));
		assertThat(page.getElementById("name-error").text()).isEqualTo("カテゴリー名は80文字以内で入力してください。");
		assertThat(page.getElementById("name").val()).isEqualTo("あ".repeat(81));
		assertThat(page.getElementById("slug-error").text()).isEqualTo("スラッグを入力してください。");

		CategoryView cars = this.categories.get("cars");
		page = parse(this.mvc
			.perform(post("/admin/categories/{id}/rename", cars.id()).with(csrf()).param("name", "い".repeat(81)))
			.andExpect(status().isOk()));
		assertThat(page.getElementById("category-" + cars.id() + "-name-error").text())
			.isEqualTo("カテゴリー名は80文字以内で入力してください。");
		assertThat(this.categories.menu()).extracting(CategoryView::name).doesNotContain("あ".repeat(81));
	}

	@Test
	@WithMockUser(roles = "MODERATOR")
	void moderatorsAreRefused() throws Exception {
		this.mvc.perform(get("/admin/categories")).andExpect(status().isForbidden());
		create("乗っ取り", "takeover").andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/categories/{id}/rename", this.categories.get("news").id()).with(csrf())
				.param("name", "乗っ取り"))
			.andExpect(status().isForbidden());
		assertThat(this.categories.menu()).extracting(CategoryView::name).doesNotContain("乗っ取り");
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/categories")).andExpect(redirectedUrl("/admin/login"));
		create("乗っ取り", "takeover").andExpect(redirectedUrl("/admin/login"));
	}

	private ResultActions create(String name, String slug) throws Exception {
		return this.mvc.perform(post("/admin/categories").with(csrf()).param("name", name).param("slug", slug));
	}

	private static List<String> topMenu(Document page) {
		return menuNames(page, "#main-menu-top");
	}

	private static List<String> bottomMenu(Document page) {
		return menuNames(page, "#main-menu-bottom");
	}

	/** The category names of a main menu, without ホーム. */
	private static List<String> menuNames(Document page, String selector) {
		List<String> names = page.select(selector + " a").eachText();
		return names.subList(1, names.size());
	}

	private boolean positionsAreContiguous() {
		List<Integer> positions = this.jdbc.queryForList("select position from category order by position",
				Integer.class);
		for (int index = 0; index < positions.size(); index++) {
			if (positions.get(index) != index + 1) {
				return false;
			}
		}
		return true;
	}

	private List<AuditEntry> auditOf(AuditAction action) {
		return this.audit.search(new AuditFilter("hanako", action, "category", null, null), 0).getContent();
	}

	private static Document parse(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private PageFetcher fetcher() {
		return new PageFetcher(this.mvc);
	}

}
