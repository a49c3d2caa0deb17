package dev.shimbun.ranking;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Editors choose each list's mode (curated, computed, computed with pinned entries) on
 * its edit page; it is saved with the rest of the list. The seeded lists are changed
 * here, so this class has a context (and database) of its own; each test works on a
 * different list, and the seeded modes are checked before any of them.
 */
@SiteTest
@OwnContext
@DirtiesContext
@WithMockUser(username = "hanako", roles = "EDITOR")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListModeAdminTests {

	private static final List<String> SEEDED = List.of("ranking", "recommended", "trending", "also-read", "top-story");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ListAdminService lists;

	@Autowired
	private AuditService audit;

	@Test
	@Order(0)
	void seededListsAreCurated() throws Exception {
		assertThat(this.lists.rows()).extracting(ListRow::key).containsAll(SEEDED);
		assertThat(this.lists.rows()).allSatisfy((row) -> assertThat(row.mode()).isEqualTo(ListMode.CURATED));
		Document index = fetcher().get("/admin/lists");
		assertThat(index.select("thead th").eachText()).contains("選び方");
		assertThat(index.select("tbody tr")).hasSize(this.lists.rows().size())
			.allSatisfy((row) -> assertThat(row.select("td").eachText()).contains("手動"));
		Document page = edit("ranking");
		assertThat(page.selectFirst("#list-form input[name=mode][checked]").val()).isEqualTo("CURATED");
	}

	@Test
	void modeIsARadioGroupWithALegendAndLabels() throws Exception {
		Document page = edit("recommended");
		Element fieldset = page.selectFirst("#list-form fieldset#mode");
		assertThat(fieldset.selectFirst("legend").text()).isEqualTo("記事の選び方");
		assertThat(fieldset.attr("aria-describedby")).isEqualTo("mode-hint");
		List<Element> radios = fieldset.select("input[type=radio][name=mode]");
		assertThat(radios).extracting(Element::val).containsExactly("CURATED", "COMPUTED", "PINNED");
		assertThat(radios).extracting((radio) -> page.select("label[for=" + radio.id() + "]").text())
			.containsExactly("編集部が選ぶ(手動)", "閲覧数から自動", "自動+固定(上の記事を先頭に固定)");
		assertThat(fieldset.select("input[checked]")).hasSize(1);
	}

	@Test
	void switchingModeIsSavedWithTheListAndAudited() throws Exception {
		Long id = idOf("trending");
		ListForm before = this.lists.editForm(id);
		this.mvc.perform(HtmlForm.of(edit("trending"), "#list-form").set("mode", "COMPUTED").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));

		ListForm after = this.lists.editForm(id);
		assertThat(after.getMode()).isEqualTo(ListMode.COMPUTED);
		assertThat(after.getVersion()).isGreaterThan(before.getVersion());
		assertThat(after.articleIds()).as("the editors' entries are kept").isEqualTo(before.articleIds());
		assertThat(row("trending").mode()).isEqualTo(ListMode.COMPUTED);
		assertThat(fetcher().get("/admin/lists").select("tbody tr").eachText())
			.anySatisfy((row) -> assertThat(row).contains("trending", "自動"));
		assertThat(edit("trending").selectFirst("input[name=mode][checked]").val()).isEqualTo("COMPUTED");
		assertThat(auditFor("trending")).anySatisfy((entry) -> {
			assertThat(entry.actor()).isEqualTo("hanako");
			assertThat(entry.detail()).contains("選び方「手動」→「自動」");
		});

		this.mvc.perform(HtmlForm.of(edit("trending"), "#list-form").set("mode", "PINNED").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		assertThat(this.lists.editForm(id).getMode()).isEqualTo(ListMode.PINNED);
		assertThat(auditFor("trending"))
			.anySatisfy((entry) -> assertThat(entry.detail()).startsWith("trending: 選び方「自動」→「自動+固定」"));
	}

	@Test
	void aStaleFormIsStillAConflictAndKeepsTheChosenMode() throws Exception {
		Long id = idOf("top-story");
		Document mine = edit("top-story");
		Document theirs = edit("top-story");
		this.mvc.perform(HtmlForm.of(theirs, "#list-form").set("mode", "COMPUTED").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		int auditsBefore = auditFor("top-story").size();

		Document conflict = pressAndParse(HtmlForm.of(mine, "#list-form").set("mode", "PINNED"), "save", 409);
		assertThat(conflict.selectFirst("#conflict").text()).contains("記事の選び方: 閲覧数から自動");
		assertThat(conflict.selectFirst("#list-form input[name=mode][checked]").val()).isEqualTo("PINNED");
		assertThat(this.lists.editForm(id).getMode()).isEqualTo(ListMode.COMPUTED);
		assertThat(auditFor("top-story")).hasSize(auditsBefore);

		this.mvc.perform(HtmlForm.of(conflict, "#list-form").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		assertThat(this.lists.editForm(id).getMode()).isEqualTo(ListMode.PINNED);
	}

	@Test
	void anUnknownModeIsRefusedAndAMissingOneKeepsTheSavedMode() throws Exception {
		Long id = idOf("also-read");
		ListForm before = this.lists.editForm(id);
		Document page = pressAndParse(HtmlForm.of(edit("also-read"), "#list-form").set("mode", "RANDOM"), "save", 200);
		assertThat(page.getElementById("mode-error").text()).startsWith("記事の選び方を");
		assertThat(page.getElementById("mode").attr("aria-describedby")).isEqualTo("mode-error mode-hint");
		assertThat(this.lists.editForm(id).getVersion()).isEqualTo(before.getVersion());

		this.mvc.perform(HtmlForm.of(edit("also-read"), "#list-form").set("mode", "COMPUTED").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		Document withoutMode = edit("also-read");
		withoutMode.select("input[name=mode]").remove();
		this.mvc.perform(HtmlForm.of(withoutMode, "#list-form").submit("action", "save"))
			.andExpect(redirectedUrl("/admin/lists"));
		assertThat(this.lists.editForm(id).getMode()).as("a form without a mode leaves it as it is")
			.isEqualTo(ListMode.COMPUTED);
	}

	private Document edit(String key) throws Exception {
		return fetcher().get("/admin/lists/" + idOf(key) + "/edit");
	}

	private Document pressAndParse(HtmlForm form, String action, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(form.submit("action", action)).andReturn();
		assertThat(result.getResponse().getStatus()).as("status after pressing %s", action).isEqualTo(expectedStatus);
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost");
	}

	private List<AuditEntry> auditFor(String key) {
		return this.audit.search(new AuditFilter(null, AuditAction.LIST_CHANGED, "list", null, null), 0)
			.stream()
			.filter((entry) -> entry.targetId().equals(String.valueOf(idOf(key))))
			.toList();
	}

	private ListRow row(String key) {
		return this.lists.rows().stream().filter((row) -> row.key().equals(key)).findFirst().orElseThrow();
	}

	private Long idOf(String key) {
		return row(key).id();
	}

	private PageFetcher fetcher() {
		return new PageFetcher(this.mvc);
	}

}
