package dev.shimbun.article;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.shimbun.support.Articles;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The editor around the body: autosaved drafts offered back after a closed tab, who else
 * has an article open (and taking it over), character counts as readers count them and
 * previews at phone and desktop widths.
 */
@SiteTest
@WithMockUser(username = "editor", roles = "EDITOR")
class EditorSessionTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ArticlePresence presence;

	private PageFetcher pages() {
		return new PageFetcher(this.mvc);
	}

	private JdbcTemplate jdbc() {
		return this.context.getBean(JdbcTemplate.class);
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn();
	}

	private MockHttpServletRequestBuilder autosaveOf(HtmlForm form, String path) {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).accept("application/json");
		form.urlEncodedFields().forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		return request;
	}

	@Test
	void anAutosavedDraftLeavesTheArticleAloneAndIsOfferedBackUntilSavedOrDiscarded() throws Exception {
		Long id = Articles.published().slug("autosave-article").headline("元の見出し").paragraph("元の本文。").save(this.context);
		String edit = "/admin/articles/" + id + "/edit";
		HtmlForm form = HtmlForm.of(pages().get(edit), "form.article-editor")
			.set("headline", "書きかけの見出し<script>alert(1)</script>")
			.set("blocks[0].text", "書きかけの本文。");
		int revisionsBefore = revisions(id);

		MvcResult saved = perform(autosaveOf(form, "/admin/articles/" + id + "/autosave"));
		assertThat(saved.getResponse().getStatus()).isEqualTo(200);
		assertThat(saved.getResponse().getContentAsString()).contains("\"savedAtText\"");
		// the article, its page and its revisions are as they were
		assertThat(pages().get("/articles/autosave-article").selectFirst("h1").text()).isEqualTo("元の見出し");
		assertThat(revisions(id)).isEqualTo(revisionsBefore);

		// the tab is closed; reopening offers the draft, and restoring fills the form
		Document reopened = pages().get(edit);
		assertThat(reopened.getElementById("draft-offer").text()).contains("保存されていない下書きがあります");
		assertThat(HtmlForm.of(reopened, "form.article-editor").get("headline")).isEqualTo("元の見出し");
		Document restored = pages().get(edit + "?restore=draft");
		HtmlForm restoredForm = HtmlForm.of(restored, "form.article-editor");
		assertThat(restoredForm.get("headline")).isEqualTo("書きかけの見出し<script>alert(1)</script>");
		assertThat(restoredForm.get("blocks[0].text")).isEqualTo("書きかけの本文。");
		assertThat(restored.select("script:containsData(alert)")).isEmpty();

		// someone else's draft is not offered to this editor
		Document other = Jsoup
			.parse(perform(get(edit).with(user("other").roles("EDITOR"))).getResponse().getContentAsString());
		assertThat(other.getElementById("draft-offer")).isNull();

		// saving the article ends the draft
		assertThat(perform(restoredForm.set("headline", "保存した見出し").submit("action", "save")).getResponse().getStatus())
			.isEqualTo(302);
		assertThat(pages().get(edit).getElementById("draft-offer")).isNull();
		assertThat(pages().get("/articles/autosave-article").selectFirst("h1").text()).isEqualTo("保存した見出し");

		// a discarded draft is gone
		perform(autosaveOf(HtmlForm.of(pages().get(edit), "form.article-editor").set("headline", "また書きかけ"),
				"/admin/articles/" + id + "/autosave"));
		assertThat(pages().get(edit).getElementById("draft-offer")).isNotNull();
		assertThat(perform(post("/admin/articles/" + id + "/autosave/discard").with(csrf())).getResponse()
			.getRedirectedUrl()).isEqualTo(edit);
		assertThat(pages().get(edit).getElementById("draft-offer")).isNull();
	}

	@Test
	void aNewArticlesDraftIsOfferedOnTheNewArticlePage() throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "新しい記事の書きかけ")
			.set("blocks[0].text", "途中まで書いた。");
		assertThat(perform(autosaveOf(form, "/admin/articles/autosave")).getResponse().getStatus()).isEqualTo(200);
		Document page = pages().get("/admin/articles/new");
		assertThat(page.getElementById("draft-restore").attr("href")).isEqualTo("/admin/articles/new?restore=draft");
		HtmlForm restored = HtmlForm.of(pages().get("/admin/articles/new?restore=draft"), "form.article-editor");
		assertThat(restored.get("blocks[0].text")).isEqualTo("途中まで書いた。");
		restored.set("categoryId", "1").set("authorId", "1");
		assertThat(perform(restored.submit("action", "save")).getResponse().getStatus()).isEqualTo(302);
		assertThat(pages().get("/admin/articles/new").getElementById("draft-offer")).isNull();
	}

	@Test
	void anAutosaveThatCannotBeKeptIsRefusedWithItsReasonAndNeedsTheTokenAndTheRole() throws Exception {
		Long id = Articles.draft().slug("autosave-refused").headline("見出し").paragraph("本文。").save(this.context);
		String path = "/admin/articles/" + id + "/autosave";
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/" + id + "/edit"), "form.article-editor");
		MvcResult tooLong = perform(autosaveOf(form.set("headline", "長".repeat(301)), path));
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
		assertThat(tooLong.getResponse().getContentAsString()).contains("300");
		assertThat(drafts()).isZero();
		MvcResult unreadable = perform(autosaveOf(form.set("headline", "見出し").set("categoryId", "abc"), path));
		assertThat(unreadable.getResponse().getStatus()).isEqualTo(422);
		assertThat(drafts()).isZero();

		MockHttpServletRequestBuilder noToken = post(path).param("headline", "x").accept("application/json");
		assertThat(perform(noToken).getResponse().getStatus()).isEqualTo(403);
		MockHttpServletRequestBuilder moderator = post(path).with(csrf())
			.with(user("mod").roles("MODERATOR"))
			.param("headline", "x");
		assertThat(perform(moderator).getResponse().getStatus()).isEqualTo(403);
		assertThat(perform(post("/admin/articles/999999/autosave").with(csrf()).param("headline", "x")).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(drafts()).isZero();
	}

	@Test
	void twoEditorsSeeEachOtherAndTheSecondMayTakeOver() throws Exception {
		Long id = Articles.draft().slug("presence-article").headline("見出し").paragraph("本文。").save(this.context);
		String heartbeat = "/admin/articles/" + id + "/presence";
		String alice = body(post(heartbeat).with(csrf()).with(user("alice").roles("EDITOR")));
		assertThat(alice).contains("\"youHold\":true").contains("\"others\":[]");

		Document bobsPage = Jsoup
			.parse(perform(get("/admin/articles/" + id + "/edit").with(user("bob").roles("EDITOR"))).getResponse()
				.getContentAsString());
		assertThat(bobsPage.selectFirst(".presence-holder").text()).isEqualTo("aliceさんがこの記事を編集中です。");
		assertThat(body(post(heartbeat).with(csrf()).with(user("alice").roles("EDITOR")))).contains("\"youHold\":true")
			.contains("\"username\":\"bob\"");

		String taken = body(post(heartbeat + "/take-over").with(csrf()).with(user("bob").roles("EDITOR")));
		assertThat(taken).contains("\"youHold\":true");
		assertThat(body(post(heartbeat).with(csrf()).with(user("alice").roles("EDITOR")))).contains("\"youHold\":false")
			.contains("{\"username\":\"bob\",\"name\":\"bob\",\"holds\":true}");

		assertThat(perform(post(heartbeat + "/leave").with(csrf()).with(user("bob").roles("EDITOR"))).getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(body(post(heartbeat).with(csrf()).with(user("alice").roles("EDITOR")))).contains("\"youHold\":true");
	}

	@Test
	void editorsOpeningAnArticleAtOnceEndWithOneHolder() throws Exception {
		Long id = Articles.draft().slug("presence-race").headline("見出し").paragraph("本文。").save(this.context);
		int editors = 6;
		CountDownLatch ready = new CountDownLatch(editors);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(editors);
		List<Future<Boolean>> holds = new ArrayList<>();
		for (int i = 0; i < editors; i++) {
			String name = "editor" + i;
			holds.add(threads.submit(() -> {
				SecurityContextHolder.getContext()
					.setAuthentication(new TestingAuthenticationToken(name, null, "ROLE_EDITOR"));
				try {
					ready.countDown();
					go.await();
					return this.presence.here(id).youHold();
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}));
		}
		ready.await();
		go.countDown();
		int holders = 0;
		for (Future<Boolean> hold : holds) {
			holders += hold.get() ? 1 : 0;
		}
		threads.shutdown();
		assertThat(holders).isEqualTo(1);
		assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM article_presence WHERE article_id = ? AND holds",
				Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void countsAreOfCharactersAsReadersSeeThemAgainstTheConfiguredGuidelines() throws Exception {
		Long id = Articles.draft()
			.slug("count-article")
			.headline("👨‍👩‍👧‍👦が🇯🇵へ")
			.summary("か\u3099".repeat(130))
			.paragraph("本文。")
			.save(this.context);
		Document page = pages().get("/admin/articles/" + id + "/edit");
		assertThat(page.getElementById("headline-count").text()).isEqualTo("4文字(目安32文字)");
		assertThat(page.getElementById("headline-count").hasClass("char-count-over")).isFalse();
		assertThat(page.getElementById("summary-count").text()).isEqualTo("130文字(目安120文字)");
		assertThat(page.getElementById("summary-count").hasClass("char-count-over")).isTrue();
	}

	@Test
	void thePreviewIsShownAtPhoneAndDesktopWidthsInAFrameOnlyTheSiteMayMake() throws Exception {
		Long id = Articles.draft().slug("preview-widths").headline("幅の見出し").paragraph("本文。").save(this.context);
		Document phone = pages().get("/admin/articles/" + id + "/preview?width=phone");
		assertThat(phone.selectFirst("iframe.preview-frame").attr("width")).isEqualTo("390");
		assertThat(phone.selectFirst("iframe.preview-frame").attr("src"))
			.isEqualTo("/admin/articles/" + id + "/preview");
		assertThat(pages().get("/admin/articles/" + id + "/preview?width=desktop").selectFirst("iframe").attr("width"))
			.isEqualTo("1280");
		MvcResult preview = perform(get("/admin/articles/" + id + "/preview"));
		assertThat(preview.getResponse().getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(preview.getResponse().getHeader("Content-Security-Policy")).endsWith("frame-ancestors 'self'");
		MvcResult editor = perform(get("/admin/articles/" + id + "/edit"));
		assertThat(editor.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(editor.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
	}

	@Test
	void thePreviewShowsTheAutosavedDraftAndStoresNothing() throws Exception {
		Long id = Articles.published()
			.slug("autosaved-draft-preview")
			.headline("保存した見出し")
			.paragraph("保存した本文。")
			.save(this.context);
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/" + id + "/edit"), "form.article-editor")
			.set("headline", "下書きの見出し")
			.set("blocks[0].kind", "HEADING")
			.set("blocks[0].text", "下書きの**小見出し**<script>alert(1)</script>");
		int blocks = jdbc().queryForObject("SELECT COUNT(*) FROM article_block", Integer.class);
		int articles = jdbc().queryForObject("SELECT COUNT(*) FROM article", Integer.class);
		assertThat(pages().get("/admin/articles/" + id + "/preview?width=phone").selectFirst("iframe").attr("src"))
			.isEqualTo("/admin/articles/" + id + "/preview");
		perform(autosaveOf(form, "/admin/articles/" + id + "/autosave"));

		Document frame = pages().get("/admin/articles/" + id + "/preview?width=phone");
		assertThat(frame.selectFirst("iframe").attr("src")).isEqualTo("/admin/articles/" + id + "/preview?draft=");
		assertThat(frame.select("main .hint").text()).contains("自動保存した下書きを表示しています");
		// signed-in staff have a session (the page's forms keep their token in it)
		jakarta.servlet.http.Cookie session = perform(get("/admin/articles/" + id + "/edit")).getResponse()
			.getCookie("SESSION");
		MvcResult previewed = perform(get(frame.selectFirst("iframe").attr("src")).cookie(session));
		assertThat(previewed.getResponse().getStatus()).as(String.valueOf(previewed.getResolvedException()))
			.isEqualTo(200);
		Document draft = Jsoup.parse(previewed.getResponse().getContentAsString());
		assertThat(draft.selectFirst("h1").text()).isEqualTo("下書きの見出し");
		assertThat(draft.selectFirst(".article-body h2").outerHtml()).contains("<strong>小見出し</strong>");
		assertThat(draft.select(".article-body script")).isEmpty();
		assertThat(Jsoup
			.parse(perform(get("/admin/articles/" + id + "/preview").cookie(session)).getResponse()
				.getContentAsString())
			.selectFirst("h1")
			.text()).isEqualTo("保存した見出し");
		assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM article_block", Integer.class)).isEqualTo(blocks);
		assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM article", Integer.class)).isEqualTo(articles);
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = perform(request.accept("application/json"));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private int revisions(Long id) {
		return jdbc().queryForObject("SELECT COUNT(*) FROM article_revision WHERE article_id = ?", Integer.class, id);
	}

	private int drafts() {
		return jdbc().queryForObject("SELECT COUNT(*) FROM article_autosave", Integer.class);
	}

}
