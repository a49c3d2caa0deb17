package dev.shimbun.ranking;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.shimbun.MutableClock;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editors change the curated lists through /admin/lists, and readers see the change on
 * the next page. The seeded lists are changed here, so this class has a context (and
 * database) of its own; each test works on a different list.
 */
@SiteTest
@OwnContext
@DirtiesContext
@WithMockUser(username = "hanako", roles = "EDITOR")
class ListAdminTests {

	private static final Instant START = Instant.parse("2026-01-15T03:00:00Z");

	private static final String EDD_ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ListAdminService lists;

	@Autowired
	private AuditService audit;

	@Autowired
	private MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.set(START);
	}

	@Test
	void indexShowsEveryListWithItsKeyAndNumberOfEntries() throws Exception {
		Document page = fetcher().get("/admin/lists");
		List<String> rows = page.select("tbody tr").eachText();
		assertThat(rows).anySatisfy((row) -> assertThat(row).contains("[ニュース] ランキング", "ranking", "6件"));
		assertThat(rows).anySatisfy((row) -> assertThat(row).contains("話題", "trending", "5件"));
		assertThat(page.select("tbody a").eachAttr("href")).contains("/admin/lists/" + idOf("recommended") + "/edit");
	}

	@Test
	void movingAnEntryDownIsShownBeforeSavingAndPublishedAfter() throws Exception {
		List<String> before = publicList("#sidebar-ranking");
		long version = this.lists.editForm(idOf("ranking")).getVersion();
		Document page = edit("ranking");
		page = pressAndParse(HtmlForm.of(page, "#list-form"), "down:0", 200);
		assertThat(headlines(page)).startsWith(before.get(1), before.get(0));
		assertThat(publicList("#sidebar-ranking")).as("not saved yet").isEqualTo(before);

		this.mvc.perform(HtmlForm.of(page, "#list-form").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"))
			.andExpect(flash().attribute("notice", "lists.notice.saved"));

		assertThat(publicList("#sidebar-ranking")).containsExactly(before.get(1), before.get(0), before.get(2),
				before.get(3), before.get(4), before.get(5));
		assertThat(fetcher().get("/").select("#sidebar-ranking a").eachText()).startsWith(before.get(1));
		assertThat(this.lists.editForm(idOf("ranking")).getVersion()).as("a new order is a new version")
			.isGreaterThan(version);
		assertThat(auditFor("ranking")).anySatisfy((entry) -> {
			assertThat(entry.actor()).isEqualTo("hanako");
			assertThat(entry.detail()).contains("並び替え");
		});
	}

	@Test
	void anEntryIsRemovedAndAnArticleFoundBySearchIsAdded() throws Exception {
		List<String> before = publicList("#sidebar-recommended");
		HtmlForm form = HtmlForm.of(edit("recommended"), "#list-form");
		Document page = pressAndParse(form, "delete:0", 200);
		assertThat(headlines(page)).doesNotContain(before.get(0)).hasSize(before.size() - 1);

		page = pressAndParse(HtmlForm.of(page, "#list-form").set("q", "あくび"), "search", 200);
		Element result = page.selectFirst(".search-results li");
		assertThat(result.text()).contains("「なぜ人はあくびをするのか?」");
		Element add = result.selectFirst("button[name=action]");
		assertThat(add.text()).startsWith("追加");
		assertThat(add.val()).startsWith("add:");

		page = pressAndParse(HtmlForm.of(page, "#list-form"), add.val(), 200);
		assertThat(headlines(page)).last().asString().startsWith("「なぜ人はあくびをするのか?」");
		assertThat(page.selectFirst(".search-results li").text()).contains("追加済み");
		this.mvc.perform(HtmlForm.of(page, "#list-form").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));

		List<String> after = publicList("#sidebar-recommended");
		assertThat(after).doesNotContain(before.get(0)).hasSize(before.size());
		assertThat(after.get(after.size() - 1)).startsWith("「なぜ人はあくびをするのか?」");
		assertThat(auditFor("recommended"))
			.anySatisfy((entry) -> assertThat(entry.detail()).contains("追加「", "削除「" + before.get(0) + "」"));
	}

	@Test
	void labelsAreEditedHeadingAndNumberingToo() throws Exception {
		HtmlForm form = HtmlForm.of(edit("trending"), "#list-form")
			.set("entries[0].label", "速報")
			.set("heading", "いま話題");
		this.mvc.perform(form.submit("action", "save")).andExpect(redirectedUrl("/admin/lists"));

		Element aside = fetcher().get(EDD_ARTICLE).selectFirst("#sidebar-trending");
		assertThat(aside.selectFirst("h2").text()).isEqualTo("いま話題");
		assertThat(aside.selectFirst("li .label").text()).isEqualTo("速報");
		assertThat(aside.select("ol")).hasSize(1);

		this.mvc.perform(HtmlForm.of(edit("trending"), "#list-form").set("numbered", "false").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		assertThat(fetcher().get(EDD_ARTICLE).select("#sidebar-trending ul")).hasSize(1);
	}

	@Test
	void entriesAreShownOnlyWithinTheirWindow() throws Exception {
		List<String> before = publicList(".also-read");
		// The clock says 2026-01-15 12:00 in Tokyo.
		HtmlForm form = HtmlForm.of(edit("also-read"), "#list-form")
			.set("entries[0].startsAt", "2026-01-15T13:00")
			.set("entries[1].endsAt", "2026-01-15T14:00");
		this.mvc.perform(form.submit("action", "save")).andExpect(redirectedUrl("/admin/lists"));

		assertThat(publicList(".also-read")).doesNotContain(before.get(0)).contains(before.get(1));
		this.clock.advance(Duration.ofMinutes(60));
		assertThat(publicList(".also-read")).startsWith(before.get(0), before.get(1));
		this.clock.advance(Duration.ofMinutes(60));
		assertThat(publicList(".also-read")).contains(before.get(0)).doesNotContain(before.get(1));

		Document page = edit("also-read");
		assertThat(page.getElementById("entries0.startsAt").val()).isEqualTo("2026-01-15T13:00");
		assertThat(page.getElementById("entries1.endsAt").val()).isEqualTo("2026-01-15T14:00");
		assertThat(page.getElementById("entries0.startsAt").attr("type")).isEqualTo("datetime-local");
	}

	@Test
	void aStaleFormGetsAConflictThatKeepsWhatWasTyped() throws Exception {
		Document mine = edit("top-story");
		Document theirs = edit("top-story");
		this.mvc.perform(HtmlForm.of(theirs, "#list-form").set("heading", "本日のトップ").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));

		HtmlForm typed = HtmlForm.of(mine, "#list-form").set("entries[0].label", "私のラベル");
		Document conflict = pressAndParse(typed, "save", 409);
		assertThat(conflict.selectFirst("#conflict").text()).contains("他の人が先にこのリストを保存しました", "見出し「本日のトップ」");
		assertThat(conflict.getElementById("entries0.label").val()).isEqualTo("私のラベル");
		assertThat(conflict.getElementById("heading").val()).isEqualTo("トップニュース");
		assertThat(this.lists.editForm(idOf("top-story")).getHeading()).isEqualTo("本日のトップ");

		// Having seen the other save, the editor saves on purpose.
		this.mvc.perform(HtmlForm.of(conflict, "#list-form").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		ListForm saved = this.lists.editForm(idOf("top-story"));
		assertThat(saved.getHeading()).isEqualTo("トップニュース");
		assertThat(saved.getEntries().get(0).getLabel()).isEqualTo("私のラベル");
	}

	@Test
	void invalidEntriesAreRefusedWithWhatWasTypedKept() throws Exception {
		Long id = idOf("ranking");
		ListForm before = this.lists.editForm(id);
		HtmlForm form = HtmlForm.of(edit("ranking"), "#list-form");
		String firstArticle = form.get("entries[0].articleId");
		form.set("entries[1].label", "長".repeat(61))
			.set("entries[2].startsAt", "2026-02-01T10:00")
			.set("entries[2].endsAt", "2026-02-01T09:00")
			.set("entries[3].articleId", firstArticle)
			.set("heading", "");
		Document page = pressAndParse(form, "save", 200);

		assertThat(page.selectFirst(".error-summary").text()).contains("入力内容を確認してください");
		Element label = page.getElementById("entries1.label");
		assertThat(label.val()).isEqualTo("長".repeat(61));
		assertThat(label.attr("aria-invalid")).isEqualTo("true");
		assertThat(label.attr("aria-describedby")).contains("entries1.label-error");
		assertThat(page.getElementById("entries1.label-error").text()).isEqualTo("2番目のラベルは60文字以内で入力してください。");
		assertThat(page.getElementById("entries2.startsAt").val()).isEqualTo("2026-02-01T10:00");
		assertThat(page.getElementById("entries2.endsAt").val()).isEqualTo("2026-02-01T09:00");
		assertThat(page.getElementById("entries2.endsAt-error").text()).isEqualTo("3番目の表示終了日時は、表示開始日時より後にしてください。");
		assertThat(page.getElementById("entries3.articleId-error").text()).startsWith("4番目の記事は1番目と同じです。");
		assertThat(page.getElementById("heading-error").text()).isEqualTo("見出しを入力してください。");

		ListForm after = this.lists.editForm(id);
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
		assertThat(after.getHeading()).isEqualTo(before.getHeading());
	}

	@Test
	void anArticleDeletedMeanwhileIsPointedOut() throws Exception {
		HtmlForm form = HtmlForm.of(edit("ranking"), "#list-form").set("entries[0].articleId", "999999");
		Document page = pressAndParse(form, "save", 200);
		assertThat(page.getElementById("entries0.articleId-error").text()).isEqualTo("1番目の記事は削除されています。リストから削除してください。");
		assertThat(page.getElementById("entry-0-headline").text()).contains("(削除された記事)");

		page = pressAndParse(HtmlForm.of(page, "#list-form"), "delete:0", 200);
		assertThat(page.select(".field-error")).isEmpty();
	}

	@Test
	void rowInputsHaveUniqueLabelsAndButtonsSayWhatTheyDo() throws Exception {
		Document page = edit("recommended");
		assertThat(page.select("label[for=entries2.label]").text()).isEqualTo("3番目のラベル");
		assertThat(page.select("label[for=entries2.startsAt]").text()).isEqualTo("3番目の表示開始日時");
		assertThat(page.select("label[for=entries2.endsAt]").text()).isEqualTo("3番目の表示終了日時");
		assertThat(page.select("#entry-2 button").eachText()).containsExactly("3番目を上へ", "3番目を下へ", "3番目を削除");
		assertThat(page.select("#entry-0 button").eachText()).containsExactly("1番目を下へ", "1番目を削除");
		assertThat(page.select("#entry-2 button").eachAttr("value")).as("the row actions of the article editor too")
			.containsExactly("up:2", "down:2", "delete:2");
		assertThat(page.selectFirst("#list-form button[name=action]").val())
			.as("the Enter key presses the first button, which only searches")
			.isEqualTo("search");
		for (Element input : page.select("#list-form input:not([type=hidden])")) {
			assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
		}
	}

	@Test
	@WithMockUser(roles = "MODERATOR")
	void moderatorsAreRefused() throws Exception {
		this.mvc.perform(get("/admin/lists")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/lists/{id}/edit", idOf("ranking"))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/lists/{id}", idOf("ranking")).with(csrf())
				.param("action", "save")
				.param("heading", "乗っ取り"))
			.andExpect(status().isForbidden());
		assertThat(this.lists.editForm(idOf("ranking")).getHeading()).isNotEqualTo("乗っ取り");
	}

	@Test
	@WithAnonymousUser
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/lists")).andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(post("/admin/lists/{id}", idOf("ranking")).with(csrf()).param("action", "save"))
			.andExpect(redirectedUrl("/admin/login"));
	}

	@Test
	void unknownListIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/lists/999/edit")).andExpect(status().isNotFound());
	}

	private Document edit(String key) throws Exception {
		return fetcher().get("/admin/lists/" + idOf(key) + "/edit");
	}

	/**
	 * Presses the form's button {@code action=value} and parses the page that comes back.
	 */
	private Document pressAndParse(HtmlForm form, String action, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(form.submit("action", action)).andReturn();
		assertThat(result.getResponse().getStatus()).as("status after pressing %s", action).isEqualTo(expectedStatus);
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost");
	}

	private static List<String> headlines(Document page) {
		return page.select("#entries .entry-headline a").eachText();
	}

	private List<String> publicList(String selector) throws Exception {
		return fetcher().get(EDD_ARTICLE).select(selector + " li a").eachText();
	}

	private List<AuditEntry> auditFor(String key) {
		return this.audit.search(new AuditFilter(null, AuditAction.LIST_CHANGED, "list", null, null), 0)
			.stream()
			.filter((entry) -> entry.targetId().equals(String.valueOf(idOf(key))))
			.toList();
	}

	private Long idOf(String key) {
		return this.lists.rows().stream().filter((row) -> row.key().equals(key)).findFirst().orElseThrow().id();
	}

	private PageFetcher fetcher() {
		return new PageFetcher(this.mvc);
	}

}
