package dev.shimbun.article;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.shimbun.MutableClock;
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
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editors change articles end to end: form, public page, revisions, conflicts, schedules.
 */
@SiteTest
@WithMockUser(username = "editor", roles = "EDITOR")
class ArticleEditingTests {

	static final String EDD = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ArticleAdminService editor;

	@Autowired
	private ArticleSchedule schedule;

	@Autowired
	private ApplicationContext context;

	private PageFetcher pages() {
		return new PageFetcher(this.mvc);
	}

	private static String editPathOf(Long id) {
		return "/admin/articles/" + id + "/edit";
	}

	private String editPathOf(String headlineQuery) throws Exception {
		Document list = pages().get("/admin/articles?q=" + headlineQuery);
		return list.selectFirst("tbody a").attr("href");
	}

	private JdbcTemplate jdbc() {
		return this.context.getBean(JdbcTemplate.class);
	}

	private Document submit(HtmlForm form, int expectedStatus) throws Exception {
		MvcResult result = this.mvc.perform(form.submit("action", "save")).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
			.isEqualTo(expectedStatus);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void editingTheEddHeadlineAndACaptionShowsBothOnThePublicPage() throws Exception {
		String edit = editPathOf("バークスデール");
		HtmlForm form = HtmlForm.of(pages().get(edit), "form.article-editor");
		form.set("headline", "日米がバークスデール空軍基地でB-52を視察(更新)");
		form.set("blocks[0].caption", "バークスデール空軍基地のB-52");
		this.mvc.perform(form.submit("action", "save")).andExpect(redirectedUrl(edit));
		Document page = pages().get(EDD);
		assertThat(page.selectFirst("h1").text()).isEqualTo("日米がバークスデール空軍基地でB-52を視察(更新)");
		assertThat(page.selectFirst("figure figcaption").text()).isEqualTo("バークスデール空軍基地のB-52 引用:米国務省軍備管理・国際安全保障担当室");
		assertThat(page.select(".article-body > p")).hasSize(9);
		assertThat(pages().get(edit.replace("/edit", "/revisions")).select("tbody tr")).hasSizeGreaterThanOrEqualTo(1);
	}

	/**
	 * The view counter is the only writer of an article's view count: a save that loaded
	 * the article before the counter wrote its views leaves them counted.
	 */
	@Test
	void aSaveKeepsTheViewsWrittenWhileItRan() {
		Long id = Articles.published().slug("read-while-saved").headline("保存中にも読まれる記事").save(this.context);
		ArticleForm form = this.editor.form(id);
		form.setHeadline("保存中にも読まれる記事(更新)");
		PlatformTransactionManager transactions = this.context.getBean(PlatformTransactionManager.class);
		TransactionTemplate beside = new TransactionTemplate(transactions);
		beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		new TransactionTemplate(transactions).executeWithoutResult((save) -> {
			// the save has read the article when the counter writes (and commits) its
			// views
			assertThat(this.context.getBean(ArticleRepository.class).findById(id)).isPresent();
			beside.executeWithoutResult(
					(views) -> jdbc().update("UPDATE article SET view_count = view_count + 7 WHERE id = ?", id));
			this.editor.update(id, form);
		});
		assertThat(jdbc().queryForObject("SELECT headline FROM article WHERE id = ?", String.class, id))
			.isEqualTo("保存中にも読まれる記事(更新)");
		assertThat(jdbc().queryForObject("SELECT view_count FROM article WHERE id = ?", Long.class, id)).isEqualTo(7);
	}

	@Test
	void aSecondEditorSavingAStaleFormGetsTheConflictPageWithTheirTextKept() throws Exception {
		String edit = editPathOf(Articles.published().slug("two-editors").headline("二人が開いた記事").save(this.context));
		HtmlForm first = HtmlForm.of(pages().get(edit), "form.article-editor");
		HtmlForm second = HtmlForm.of(pages().get(edit), "form.article-editor");
		this.mvc
			.perform(first.set("headline", "最初の編集者の見出し").submit("action", "save").with(user("hanako").roles("EDITOR")))
			.andExpect(redirectedUrl(edit));
		second.set("headline", "二人目の編集者の見出し");
		MvcResult result = this.mvc.perform(second.submit("action", "save").with(user("taro").roles("EDITOR")))
			.andExpect(status().isConflict())
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.getElementById("conflict").text()).contains("他の人が先に保存しました", "hanako さんが");
		assertThat(page.getElementById("headline").val()).isEqualTo("二人目の編集者の見出し");
		assertThat(pages().get("/articles/two-editors").selectFirst("h1").text()).isEqualTo("最初の編集者の見出し");
	}

	@Test
	void theComparisonMarksChangedSpecialCharactersAsWritten() throws Exception {
		String edit = editPathOf(
				Articles.published().headline("比較される記事").summary("比較の前の概要").paragraph("本文").save(this.context));
		HtmlForm form = HtmlForm.of(pages().get(edit), "form.article-editor");
		this.mvc.perform(form.set("summary", "比較 a < b & \"c\" 'd' 𠮷").submit("action", "save"))
			.andExpect(redirectedUrl(edit));
		form = HtmlForm.of(pages().get(edit), "form.article-editor");
		this.mvc.perform(form.set("summary", "比較 a > b < \"c' \"d\" 吉").submit("action", "save"))
			.andExpect(redirectedUrl(edit));
		String revisions = edit.replace("/edit", "/revisions");
		int newest = Integer.parseInt(pages().get(revisions).selectFirst("tbody tr td").text().replaceAll("\\D", ""));
		Document compare = pages().get(revisions + "/compare?from=" + (newest - 1) + "&to=" + newest);
		org.jsoup.nodes.Element changed = compare.select("tr.changed")
			.stream()
			.filter((row) -> row.text().contains("比較"))
			.findFirst()
			.orElseThrow();
		assertThat(changed.select("td:nth-child(1)").text()).isEqualTo("概要: 比較 a < b & \"c\" 'd' 𠮷");
		assertThat(changed.select("td:nth-child(2)").text()).isEqualTo("概要: 比較 a > b < \"c' \"d\" 吉");
		// the marked pieces are characters as written (an alignment of the quotes may
		// vary)
		assertThat(String.join("", changed.select("td:nth-child(1) del").eachText())).startsWith("<&")
			.endsWith("𠮷")
			.matches("[<&\"' d𠮷]+");
		assertThat(String.join("", changed.select("td:nth-child(2) ins").eachText())).startsWith("><")
			.endsWith("吉")
			.matches("[<>\"' d吉]+");
	}

	@Test
	void revisionsCanBeComparedAndRestored() throws Exception {
		String edit = editPathOf("あくび");
		HtmlForm form = HtmlForm.of(pages().get(edit), "form.article-editor");
		String original = form.get("headline");
		this.mvc.perform(form.set("headline", "<script>alert(1)</script>あくびの新説").submit("action", "save"))
			.andExpect(redirectedUrl(edit));
		String revisions = edit.replace("/edit", "/revisions");
		Document list = pages().get(revisions);
		assertThat(list.select("tbody tr")).hasSize(2);
		Document compare = pages().get(revisions + "/compare?from=1&to=2");
		assertThat(compare.select("td del")).isNotEmpty();
		assertThat(compare.select("td ins").text()).contains("<script>alert(1)</script>");
		assertThat(compare.select("tr.changed td:nth-child(2)").text())
			.contains("見出し: <script>alert(1)</script>あくびの新説");
		assertThat(compare.select("script")).isEmpty();
		this.mvc.perform(post(revisions + "/1/restore").with(csrf())).andExpect(redirectedUrl(edit));
		assertThat(pages().get("/articles/why-we-yawn").selectFirst("h1").text()).isEqualTo(original);
		Document after = pages().get(revisions);
		assertThat(after.select("tbody tr")).hasSize(3);
		assertThat(after.select("tbody tr").first().text()).contains("版1を復元");
	}

	@Test
	void publishingIsRefusedWhileAFigureHasNoAltText() throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor");
		MvcResult added = this.mvc.perform(form.set("headline", "代替テキストのない図").submit("action", "add-figure"))
			.andReturn();
		HtmlForm withFigure = HtmlForm.of(Jsoup.parse(added.getResponse().getContentAsString()), "form.article-editor");
		assertThat(withFigure.get("blocks[1].kind")).isEqualTo("FIGURE");
		withFigure.set("blocks[1].imageUrl", "/images/seed/edd-3.jpg")
			.set("blocks[0].text", "本文の段落")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("status", "PUBLISHED");
		long before = this.editor.search(null, null, null, 0).getTotalElements();
		Document page = submit(withFigure, 200);
		assertThat(page.getElementById("blocks[1].altText-error").text())
			.isEqualTo("代替テキストのない図があるため公開できません。代替テキストを入力してください。");
		assertThat(page.getElementById("blocks[0].text").text()).isEqualTo("本文の段落");
		assertThat(this.editor.search(null, null, null, 0).getTotalElements()).isEqualTo(before);
		// as a draft it may be saved
		HtmlForm draft = HtmlForm.of(page, "form.article-editor").set("status", "DRAFT");
		this.mvc.perform(draft.submit("action", "save")).andExpect(redirectedUrlPattern("/admin/articles/*/edit"));
	}

	@Test
	void scheduledArticlesAppearAndDisappearAtTheirTimes() throws Exception {
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		String publishAt = local.format(this.clock.instant().plus(Duration.ofHours(1)).atZone(tokyo));
		String unpublishAt = local.format(this.clock.instant().plus(Duration.ofHours(3)).atZone(tokyo));
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "予約された記事")
			.set("slug", "scheduled-story")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("status", "SCHEDULED")
			.set("publishAt", publishAt)
			.set("unpublishAt", unpublishAt)
			.set("blocks[0].text", "予約された本文");
		this.mvc.perform(form.submit("action", "save")).andExpect(redirectedUrlPattern("/admin/articles/*/edit"));
		pages().get("/articles/scheduled-story", 404);
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(pages().get("/articles/scheduled-story").selectFirst("h1").text()).isEqualTo("予約された記事");
		assertThat(this.schedule.apply()).isEqualTo(1);
		assertThat(this.editor.search("予約された記事", ArticleStatus.PUBLISHED, null, 0).getTotalElements()).isEqualTo(1);
		this.clock.advance(Duration.ofHours(2));
		pages().get("/articles/scheduled-story", 404);
		assertThat(this.schedule.apply()).isEqualTo(1);
		assertThat(this.editor.search("予約された記事", ArticleStatus.UNPUBLISHED, null, 0).getTotalElements()).isEqualTo(1);
	}

	@Test
	void schedulingForAPastTimeIsRefusedWithTheReason() throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "過去に予約")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("status", "SCHEDULED")
			.set("publishAt", "2020-01-01T09:00");
		Document page = submit(form, 200);
		assertThat(page.getElementById("publishAt-error").text()).isEqualTo("予約するには、未来の公開日時を入力してください。");
		assertThat(page.getElementById("headline").val()).isEqualTo("過去に予約");
	}

	@Test
	void aCorrectionIsListedUnderTheBodyAndMovesDateModified() throws Exception {
		String edit = editPathOf(Articles.published().slug("corrected").headline("訂正される記事").save(this.context));
		this.clock.advance(Duration.ofHours(1));
		HtmlForm form = HtmlForm.of(pages().get(edit), "form.article-editor");
		this.mvc.perform(form.set("correction", "見出しの表記を改めました。").submit("action", "save"))
			.andExpect(redirectedUrl(edit));
		Document page = pages().get("/articles/corrected");
		assertThat(page.select(".corrections li").text()).contains("見出しの表記を改めました。");
		String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(this.clock.instant().atZone(ZoneId.of("Asia/Tokyo")));
		String jsonLd = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(JsonMapper.builder().build().readTree(jsonLd).get("dateModified").asString()).isEqualTo(expected);
		assertThat(page.selectFirst(".byline-updated")).isNotNull();
	}

	@Test
	void draftsArePreviewedOnlyBySignedInStaffAndMarkedNoindex() throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "下書きのプレビュー")
			.set("slug", "draft-preview")
			.set("categoryId", "2")
			.set("authorId", "1")
			.set("blocks[0].text", "まだ誰も読めない本文");
		String edit = this.mvc.perform(form.submit("action", "save")).andReturn().getResponse().getRedirectedUrl();
		pages().get("/articles/draft-preview", 404);
		String preview = edit.replace("/edit", "/preview");
		this.mvc.perform(get(preview))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Robots-Tag", "noindex, nofollow"));
		Document page = pages().get(preview);
		assertThat(page.selectFirst("h1").text()).isEqualTo("下書きのプレビュー");
		assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(page.selectFirst(".preview-banner")).isNotNull();
		assertThat(page.select(".article-body > p").text()).isEqualTo("まだ誰も読めない本文");
	}

	@Test
	@WithMockUser(roles = "MODERATOR")
	void moderatorsCannotPreview() throws Exception {
		this.mvc.perform(get("/admin/articles/1/preview")).andExpect(status().isForbidden());
	}

	@Test
	void blockActionsReorderAndDeleteWithoutLosingText() throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "ブロックの操作")
			.set("blocks[0].text", "一つ目");
		Document added = Jsoup.parse(this.mvc.perform(form.submit("action", "add-paragraph"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		HtmlForm two = HtmlForm.of(added, "form.article-editor").set("blocks[1].text", "二つ目");
		Document moved = Jsoup
			.parse(this.mvc.perform(two.submit("action", "up:1")).andReturn().getResponse().getContentAsString());
		assertThat(moved.getElementById("blocks[0].text").text()).isEqualTo("二つ目");
		assertThat(moved.getElementById("blocks[1].text").text()).isEqualTo("一つ目");
		assertThat(moved.getElementById("headline").val()).isEqualTo("ブロックの操作");
		Document deleted = Jsoup
			.parse(this.mvc.perform(HtmlForm.of(moved, "form.article-editor").submit("action", "delete:0"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(deleted.select("textarea[name^=blocks]")).hasSize(1);
		assertThat(deleted.getElementById("blocks[0].text").text()).isEqualTo("一つ目");
	}

	@Test
	void takenSlugsAndMissingHeadlinesAreExplained() throws Exception {
		Articles.published().slug("taken").save(this.context);
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "")
			.set("slug", "taken")
			.set("categoryId", "1")
			.set("authorId", "1");
		Document page = submit(form, 200);
		assertThat(page.getElementById("headline-error").text()).isEqualTo("見出しを入力してください。");
		assertThat(page.getElementById("slug-error").text()).isEqualTo("このスラッグはすでに使われています。");
		assertThat(page.select(".error-summary li")).hasSize(2);
		HtmlForm bad = HtmlForm.of(page, "form.article-editor").set("slug", "日本語スラッグ").set("headline", "見出し");
		assertThat(submit(bad, 200).getElementById("slug-error").text()).startsWith("スラッグには半角英小文字");
	}

	@Test
	void aLinkToAnAddressThatMayNotBeLinkedIsExplainedAndNothingIsSaved() throws Exception {
		Long before = this.jdbc().queryForObject("SELECT COUNT(*) FROM article", Long.class);
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "リンクのある記事")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("blocks[0].text", "詳しくは[こちら](javascript:alert(1))と[本紙](/articles/b-52)。");
		Document page = submit(form, 200);
		assertThat(page.getElementById("blocks[0].text-hint").text()).startsWith("**太字**");
		assertThat(page.getElementById("blocks[0].text-error").text())
			.isEqualTo("リンク先「javascript:alert(1」は使えません。https:// か http:// で始まるアドレス、mailto: で始まるメールアドレス、"
					+ "または / で始まるこのサイトのページにしてください(アドレスの後に付けられるのは nofollow と sponsored だけです)。");
		assertThat(HtmlForm.of(page, "form.article-editor").get("blocks[0].text"))
			.isEqualTo("詳しくは[こちら](javascript:alert(1))と[本紙](/articles/b-52)。");
		assertThat(this.jdbc().queryForObject("SELECT COUNT(*) FROM article", Long.class)).isEqualTo(before);
	}

	@Test
	void aNewArticleWithoutSlugGetsADatedOne() throws Exception {
		HtmlForm form = HtmlForm.of(pages().get("/admin/articles/new"), "form.article-editor")
			.set("headline", "スラッグなし")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("status", "PUBLISHED")
			.set("blocks[0].text", "本文");
		String edit = this.mvc.perform(form.submit("action", "save")).andReturn().getResponse().getRedirectedUrl();
		HtmlForm saved = HtmlForm.of(pages().get(edit), "form.article-editor");
		assertThat(saved.get("slug")).matches("\\d{8}-[a-z0-9]{6}");
		assertThat(pages().get("/articles/" + saved.get("slug")).selectFirst("h1").text()).isEqualTo("スラッグなし");
	}

	@Test
	void editorsCloseCommentsOnAnArticle() throws Exception {
		String edit = editPathOf(
				Articles.published().slug("comments-closed").headline("コメントを締め切る記事").save(this.context));
		HtmlForm form = HtmlForm.of(pages().get(edit), "form.article-editor");
		assertThat(form.get("commentMode")).isEqualTo("OPEN");
		this.mvc.perform(form.set("commentMode", "CLOSED").submit("action", "save")).andExpect(redirectedUrl(edit));
		Document page = pages().get("/articles/comments-closed");
		assertThat(page.select("#comment-form")).isEmpty();
		assertThat(page.selectFirst(".comments-closed").text()).isEqualTo("この記事のコメントの受け付けは終了しました。");
		HtmlForm reopened = HtmlForm.of(pages().get(edit), "form.article-editor")
			.set("commentMode", "PREMODERATED")
			.set("commentsCloseAfterDays", "0");
		assertThat(submit(reopened, 200).getElementById("commentsCloseAfterDays-error").text())
			.isEqualTo("締め切るまでの日数は1以上にしてください。");
	}

	@Test
	void deletingAnArticleRemovesItFromTheSite() throws Exception {
		String edit = editPathOf("iPhone17");
		this.mvc.perform(post(edit.replace("/edit", "/delete")).with(csrf()))
			.andExpect(redirectedUrl("/admin/articles"));
		pages().get("/articles/iphone17-orders-surge", 404);
		assertThat(pages().get("/").select(".sidebar-list a").eachText())
			.noneMatch((text) -> text.contains("iPhone17"));
	}

}
