package dev.shimbun.comment;

import java.time.Duration;
import java.util.List;

import dev.shimbun.MutableClock;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.article.Article;
import dev.shimbun.support.ModerationTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import jakarta.persistence.EntityManager;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Moderators work through the queues at /admin/comments: each action shows on the article
 * page at once, is audited, and comes back to the same queue with a message.
 */
@ModerationTest
@WithMockUser(username = "moderator", roles = "MODERATOR")
class CommentModerationTests {

	static final String YAWN = "/articles/why-we-yawn";

	static final String DOG = "/articles/dog-reunion-hospital";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CommentRepository comments;

	@Autowired
	private CommentService commentService;

	@Autowired
	private AuditService audit;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	private Document page(String path) throws Exception {
		return new PageFetcher(this.mvc).get(path);
	}

	private Long articleId(String path) {
		return this.transactions.execute((status) -> this.entityManager
			.createQuery("select a.id from Article a where a.slug = :slug", Long.class)
			.setParameter("slug", path.substring("/articles/".length()))
			.getSingleResult());
	}

	private Long comment(String path, String nickname, String body, CommentStatus status) {
		this.clock.advance(Duration.ofSeconds(1));
		Long article = articleId(path);
		return this.transactions.execute(
				(tx) -> this.comments
					.save(new Comment(this.entityManager.getReference(Article.class, article), nickname, body, status,
							this.clock.instant()))
					.getId());
	}

	private Comment stored(Long id) {
		return this.comments.findById(id).orElse(null);
	}

	private static int count(Document article) {
		return Integer.parseInt(article.getElementById("comments-heading").text().replace("コメント", ""));
	}

	private static Element row(Document list, Long id) {
		return list.getElementById("moderation-" + id);
	}

	/**
	 * A row's button, as the browser would send it: the list form to the button's URL.
	 */
	private static MockHttpServletRequestBuilder press(Document list, Long id, String action) {
		Element button = row(list, id).selectFirst("button[formaction$=/" + action + "]");
		assertThat(button).as("%s button of comment %s", action, id).isNotNull();
		HtmlForm form = HtmlForm.of(list, "#moderation-form");
		MockHttpServletRequestBuilder request = post(button.attr("formaction")).with(csrf())
			.param(button.attr("name"), button.val());
		for (String field : List.of("queue", "article", "text", "page")) {
			if (form.get(field) != null) {
				request.param(field, form.get(field));
			}
		}
		return request;
	}

	/**
	 * Follows a Post/Redirect/Get with the session cookie that holds its flash
	 * attributes, as a browser would.
	 */
	private Document follow(MvcResult result) throws Exception {
		MvcResult next = this.mvc
			.perform(get(java.net.URI.create(result.getResponse().getRedirectedUrl())).accept(MediaType.TEXT_HTML)
				.cookie(result.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andReturn();
		return Jsoup.parse(next.getResponse().getContentAsString());
	}

	private List<AuditEntry> moderationLog() {
		return this.audit.search(new AuditFilter(null, AuditAction.COMMENT_MODERATED, "comment", null, null), 0)
			.getContent();
	}

	@Test
	void thePendingQueueIsTheDefaultAndApprovingShowsTheCommentOnTheArticlePage() throws Exception {
		Long id = comment(YAWN, "読者P", "承認されるべきコメント\n二行目", CommentStatus.PENDING);
		int before = count(page(YAWN));
		Document list = page("/admin/comments");
		assertThat(list.selectFirst(".queue-tabs a[aria-current=page]").text()).startsWith("承認待ち");
		Element row = row(list, id);
		assertThat(row.selectFirst(".comment-body").wholeText()).isEqualTo("承認されるべきコメント\n二行目");
		assertThat(row.selectFirst(".comment-nickname").text()).isEqualTo("読者P");
		assertThat(row.text()).contains("あくび", "承認待ち");
		assertThat(row.selectFirst("label[for=choose-" + id + "]").text()).isEqualTo("コメント" + id + "を選択");
		assertThat(list.select("th[scope=col]")).hasSize(6);

		MvcResult result = this.mvc.perform(press(list, id, "approve"))
			.andExpect(redirectedUrl("/admin/comments?queue=pending"))
			.andExpect(flash().attribute("notice", "moderation.notice.approve"))
			.andReturn();
		Document after = follow(result);
		assertThat(after.selectFirst("p.notice").text()).isEqualTo("コメントを承認しました。記事ページに表示されます。");
		assertThat(row(after, id)).isNull();

		Document article = page(YAWN);
		assertThat(count(article)).isEqualTo(before + 1);
		assertThat(article.getElementById("comment-" + id)).isNotNull();
		assertThat(stored(id).getStatus()).isEqualTo(CommentStatus.VISIBLE);
		assertThat(stored(id).getReviewedAt()).isEqualTo(this.clock.instant());
		assertThat(moderationLog()).anySatisfy((entry) -> {
			assertThat(entry.targetId()).isEqualTo(String.valueOf(id));
			assertThat(entry.actor()).isEqualTo("moderator");
			assertThat(entry.detail()).isEqualTo("承認: 承認されるべきコメント 二行目");
		});
	}

	@Test
	void hidingAVisibleCommentTakesItOffTheArticlePageAndItsCountAtOnce() throws Exception {
		Long id = comment(DOG, null, "表示中のコメントを非表示にする", CommentStatus.VISIBLE);
		Document article = page(DOG);
		int before = count(article);
		assertThat(article.getElementById("comment-" + id)).isNotNull();
		Document list = page("/admin/comments?queue=all&text=" + "非表示にする");
		assertThat(list.selectFirst(".queue-tabs a[aria-current=page]").text()).startsWith("すべて");
		assertThat(row(list, id).selectFirst(".comment-nickname").text()).isEqualTo("匿名");
		this.mvc.perform(press(list, id, "hide"))
			.andExpect(redirectedUrl(
					"/admin/comments?queue=all&text=%E9%9D%9E%E8%A1%A8%E7%A4%BA%E3%81%AB%E3%81%99%E3%82%8B"));
		article = page(DOG);
		assertThat(count(article)).isEqualTo(before - 1);
		assertThat(article.getElementById("comment-" + id)).isNull();
		assertThat(row(page("/admin/comments?queue=hidden"), id)).isNotNull();
		assertThat(moderationLog()).anySatisfy((entry) -> assertThat(entry.detail()).isEqualTo("非表示: 表示中のコメントを非表示にする"));
	}

	@Test
	void deletingAsksForConfirmationFirst() throws Exception {
		Long id = comment(YAWN, "消える人", "削除されるコメント", CommentStatus.VISIBLE);
		Document list = page("/admin/comments?queue=all&article=あくび");
		String confirmPath = row(list, id).selectFirst("a.button-danger").attr("href");
		assertThat(row(list, id).selectFirst("a.button-danger").text()).isEqualTo("削除:コメント" + id);
		Document confirm = page(confirmPath);
		assertThat(confirm.selectFirst("h1").text()).isEqualTo("コメントを削除");
		assertThat(confirm.selectFirst(".comment-body").text()).isEqualTo("削除されるコメント");
		assertThat(stored(id)).isNotNull();
		HtmlForm form = HtmlForm.of(confirm, "form.delete-confirm");
		this.mvc.perform(form.submit())
			.andExpect(redirectedUrlPattern("/admin/comments?queue=all&article=*"))
			.andExpect(flash().attribute("notice", "moderation.notice.delete"));
		assertThat(stored(id)).isNull();
		assertThat(page(YAWN).getElementById("comment-" + id)).isNull();
		assertThat(moderationLog()).anySatisfy((entry) -> assertThat(entry.detail()).isEqualTo("削除: 削除されるコメント"));
	}

	@Test
	void aFeaturedCommentIsShownUnderTheEditorsPicksAndOnlyVisibleOnesCanBeFeatured() throws Exception {
		Long visible = comment(DOG, "おすすめ候補", "編集部が選ぶコメント", CommentStatus.VISIBLE);
		Long pending = comment(DOG, null, "まだ承認されていないコメント", CommentStatus.PENDING);
		Document list = page("/admin/comments?queue=all&article=" + "愛犬");
		assertThat(row(list, pending).selectFirst("button[formaction$=/feature]")).isNull();
		this.mvc.perform(press(list, visible, "feature"))
			.andExpect(flash().attribute("notice", "moderation.notice.feature"));
		Document article = page(DOG);
		assertThat(article.select(".featured-comments #comment-" + visible)).hasSize(1);
		assertThat(article.selectFirst(".featured-comments h3").text()).isEqualTo("編集部のおすすめ");
		assertThat(row(page("/admin/comments?queue=all"), visible).text()).contains("編集部のおすすめ");

		MvcResult refused = this.mvc.perform(post("/admin/comments/" + pending + "/feature").with(csrf()))
			.andExpect(redirectedUrl("/admin/comments?queue=pending"))
			.andReturn();
		assertThat(follow(refused).getElementById("moderation-problem").text()).contains("表示中のコメントだけを編集部のおすすめにできます。");
		assertThat(stored(pending).isFeatured()).isFalse();

		Document again = page("/admin/comments?queue=all");
		this.mvc.perform(press(again, visible, "unfeature"));
		assertThat(page(DOG).select(".featured-comments #comment-" + visible)).isEmpty();
		assertThat(page(DOG).getElementById("comment-" + visible)).isNotNull();
	}

	@Test
	void twoCommentsAreApprovedAtOnceWithOneAuditLineEach() throws Exception {
		Long first = comment(YAWN, null, "まとめて承認その1", CommentStatus.PENDING);
		Long second = comment(YAWN, null, "まとめて承認その2", CommentStatus.PENDING);
		Long untouched = comment(YAWN, null, "選ばれないコメント", CommentStatus.PENDING);
		int before = count(page(YAWN));
		Document list = page("/admin/comments?text=まとめて承認");
		assertThat(row(list, untouched)).isNull();
		MvcResult result = this.mvc
			.perform(HtmlForm.of(list, "#moderation-form")
				.set("action", "approve")
				.submit()
				.param("ids", first.toString(), second.toString()))
			.andExpect(redirectedUrlPattern("/admin/comments?queue=pending&text=*"))
			.andReturn();
		assertThat(follow(result).selectFirst("p.notice").text()).isEqualTo("2件のコメントを承認しました。");
		assertThat(count(page(YAWN))).isEqualTo(before + 2);
		assertThat(stored(untouched).getStatus()).isEqualTo(CommentStatus.PENDING);
		assertThat(moderationLog()).filteredOn((entry) -> entry.detail().startsWith("承認: まとめて承認")).hasSize(2);
	}

	@Test
	void anEmptySelectionOrNoActionIsRefusedWithAMessage() throws Exception {
		Long id = comment(YAWN, null, "選択なしのテスト", CommentStatus.PENDING);
		Document list = page("/admin/comments");
		MvcResult none = this.mvc.perform(HtmlForm.of(list, "#moderation-form").set("action", "approve").submit())
			.andExpect(redirectedUrl("/admin/comments?queue=pending"))
			.andReturn();
		Document page = follow(none);
		assertThat(page.getElementById("moderation-problem").attr("role")).isEqualTo("alert");
		assertThat(page.getElementById("moderation-problem").text()).contains("コメントが選ばれていません。");
		MvcResult noAction = this.mvc
			.perform(HtmlForm.of(list, "#moderation-form").submit().param("ids", id.toString()))
			.andReturn();
		assertThat(follow(noAction).getElementById("moderation-problem").text()).contains("操作が選ばれていません。");
		assertThat(stored(id).getStatus()).isEqualTo(CommentStatus.PENDING);
	}

	@Test
	void severalCommentsAreDeletedAfterOneConfirmation() throws Exception {
		Long first = comment(DOG, null, "まとめて削除その1", CommentStatus.HIDDEN);
		Long second = comment(DOG, null, "まとめて削除その2", CommentStatus.HIDDEN);
		Document list = page("/admin/comments?queue=hidden&text=まとめて削除");
		MvcResult confirm = this.mvc
			.perform(HtmlForm.of(list, "#moderation-form")
				.set("action", "delete")
				.submit()
				.param("ids", first.toString(), second.toString()))
			.andExpect(status().isOk())
			.andReturn();
		Document page = Jsoup.parse(confirm.getResponse().getContentAsString());
		assertThat(page.selectFirst("h1").text()).isEqualTo("2件のコメントを削除");
		assertThat(stored(first)).isNotNull();
		this.mvc.perform(HtmlForm.of(page, "form.delete-confirm").submit())
			.andExpect(redirectedUrlPattern("/admin/comments?queue=hidden&text=*"))
			.andExpect(flash().attribute("bulkCount", 2));
		assertThat(stored(first)).isNull();
		assertThat(stored(second)).isNull();
	}

	@Test
	void theReportedQueueShowsReportedCommentsWithTheirReasons() throws Exception {
		Long articleId = articleId(YAWN);
		Long hidden = comment(YAWN, null, "通報が三件あったコメント", CommentStatus.VISIBLE);
		this.commentService.report(articleId, hidden, ReportReason.SPAM, "192.0.2.1");
		this.commentService.report(articleId, hidden, ReportReason.ABUSE, "192.0.2.2");
		this.commentService.report(articleId, hidden, ReportReason.SPAM, "192.0.2.3");
		Long underThreshold = comment(YAWN, null, "通報が一件だけのコメント", CommentStatus.VISIBLE);
		this.commentService.report(articleId, underThreshold, ReportReason.OTHER, "192.0.2.4");
		assertThat(stored(hidden).getStatus()).isEqualTo(CommentStatus.REPORTED);

		Document list = page("/admin/comments?queue=reported");
		assertThat(list.selectFirst(".queue-tabs a[aria-current=page]").text()).startsWith("通報");
		Element reported = row(list, hidden);
		assertThat(reported.text()).contains("通報で非表示", "3件");
		assertThat(reported.select(".report-reasons li").eachText()).containsExactly("スパム・宣伝 2", "誹謗中傷・嫌がらせ 1");
		Element visible = row(list, underThreshold);
		assertThat(visible.text()).contains("表示中", "通報あり(表示中・未確認)");
		assertThat(visible.select(".report-reasons li").eachText()).containsExactly("その他 1");

		// approving settles the reports: the comment leaves the queue and stays visible
		this.mvc.perform(press(list, underThreshold, "approve"));
		assertThat(row(page("/admin/comments?queue=reported"), underThreshold)).isNull();
		assertThat(page(YAWN).getElementById("comment-" + underThreshold)).isNotNull();
	}

	@Test
	void eachQueueTabShowsItsCountAndTheFiltersNarrowTheList() throws Exception {
		comment(DOG, null, "数えるためのコメント甲", CommentStatus.PENDING);
		comment(DOG, null, "数えるためのコメント乙", CommentStatus.PENDING);
		comment(DOG, null, "数えるためのコメント丙", CommentStatus.HIDDEN);
		comment(YAWN, null, "数えるためのコメント丁", CommentStatus.PENDING);
		Document list = page("/admin/comments?text=数えるための&article=愛犬");
		assertThat(list.select(".queue-tabs a").eachText()).containsExactly("承認待ち 2件", "通報 0件", "非表示 1件", "すべて 3件");
		assertThat(list.select("#moderation-form tbody tr")).hasSize(2);
		assertThat(list.getElementById("filter-article").val()).isEqualTo("愛犬");
		assertThat(list.selectFirst(".queue-tabs a[href*=queue=hidden]").attr("href")).contains("text=", "article=");
		Document none = page("/admin/comments?text=" + "100%_存在しない");
		assertThat(none.selectFirst(".moderation-empty").text()).isEqualTo("このキューに該当するコメントはありません。");
	}

	@Test
	void aCommentChangedByAnotherModeratorIsLeftAlone() throws Exception {
		Long id = comment(YAWN, null, "二人の管理者が同時に見たコメント", CommentStatus.PENDING);
		Document list = page("/admin/comments");
		this.mvc.perform(press(list, id, "hide"));
		MvcResult stale = this.mvc.perform(press(list, id, "approve"))
			.andExpect(redirectedUrl("/admin/comments?queue=pending"))
			.andReturn();
		assertThat(follow(stale).getElementById("moderation-problem").text()).contains("ほかの人が変更または削除しました");
		assertThat(stored(id).getStatus()).isEqualTo(CommentStatus.HIDDEN);
		this.mvc.perform(post("/admin/comments/999999/approve").with(csrf()).param("version", "0"))
			.andExpect(flash().attribute("problem", "moderation.error.changed"));
		this.mvc.perform(post("/admin/comments/" + id + "/explode").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void theMenuAndTheDashboardLeadToTheQueues() throws Exception {
		Document dashboard = page("/admin");
		assertThat(dashboard.select("#admin-menu a").eachText()).containsExactly("ダッシュボード", "コメント", "アカウント", "サイトを表示");
		assertThat(dashboard.selectFirst("section[aria-labelledby=dashboard-comments] a").attr("href"))
			.isEqualTo("/admin/comments?queue=pending");
	}

	@Test
	@WithMockUser(username = "editor", roles = "EDITOR")
	void editorsSeeTheCommentsMenuItemAfterArticles() throws Exception {
		assertThat(page("/admin").select("#admin-menu a").eachText()).startsWith("ダッシュボード", "記事", "コメント");
		page("/admin/comments");
	}

	@Test
	@WithAnonymousUser
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/comments")).andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(get("/admin/comments/rules")).andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(post("/admin/comments/1/hide").with(csrf())).andExpect(redirectedUrl("/admin/login"));
	}

}
