package dev.shimbun.comment;

import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.Articles;
import dev.shimbun.support.ModerationTest;
import dev.shimbun.support.Readers;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The moderators' queues keep up with readers' conversation: a reply shows the comment it
 * answers, each comment its reactions and its author's edits, and the per-client view
 * gathers one poster's comments to hide them all or put the poster on pre-moderation for
 * a while.
 */
@ModerationTest
@WithMockUser(username = "moderator", roles = "MODERATOR")
class ClientModerationTests {

	private static final AtomicInteger articles = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AuditService audit;

	private String path;

	@BeforeEach
	void newArticle() {
		String slug = "moderated-conversation-" + articles.getAndIncrement();
		Articles.published().slug(slug).headline("会話を見守る記事").paragraph("本文").save(this.context);
		this.path = "/articles/" + slug;
	}

	@Test
	void aRowShowsTheCommentARepliesAnswersItsReactionsAndItsEdits() throws Exception {
		String reader = Readers.newAddress();
		long parent = write("親のコメント", null, reader);
		long reply = write("子の返信", String.valueOf(parent), Readers.newAddress());
		react(reply, "EMPATHY", Readers.newAddress());
		react(reply, "EMPATHY", Readers.newAddress());
		react(reply, "DOUBT", Readers.newAddress());
		this.jdbc.update(
				"INSERT INTO comment_edit (comment_id, change_kind, nickname, body, status, changed_at) "
						+ "SELECT id, 'EDITED', nickname, '元の文', status, created_at FROM article_comment WHERE id = ?",
				reply);

		Document list = page("/admin/comments?queue=all&article=" + "会話を見守る記事");
		Element row = list.getElementById("moderation-" + reply);
		assertThat(row.selectFirst(".comment-parent").text()).isEqualTo("返信先(コメント" + parent + "、表示中): 匿名「親のコメント」");
		assertThat(row.selectFirst(".comment-reactions-count").text()).isEqualTo("反応: 共感した 2、なるほど 0、うーん 1");
		assertThat(row.selectFirst(".comment-edits summary").text()).isEqualTo("編集の履歴(1件)");
		assertThat(row.selectFirst(".comment-edits li").text()).endsWith("編集前: 元の文");
		assertThat(list.getElementById("moderation-" + parent).selectFirst(".comment-parent")).isNull();
	}

	@Test
	void thePerClientViewHidesEveryCommentOfOnePosterAtOnce() throws Exception {
		String spammer = Readers.newAddress();
		long first = write("宣伝その1", null, spammer);
		long second = write("宣伝その2", null, spammer);
		long other = write("ふつうの読者", null, Readers.newAddress());

		Document list = page("/admin/comments?queue=all&article=" + "会話を見守る記事");
		Element link = list.getElementById("moderation-" + first).selectFirst("a[href*=client=]");
		String hash = link.attr("href").replaceAll(".*client=", "");
		assertThat(link.text()).isEqualTo("この投稿者のコメント(" + hash.substring(0, 8) + ")");
		Document view = page(link.attr("href"));
		assertThat(view.selectFirst("#client-heading").text()).isEqualTo("投稿者 " + hash.substring(0, 8) + " のコメント");
		assertThat(view.select("#moderation-form tbody tr").eachAttr("id"))
			.containsExactlyInAnyOrder("moderation-" + first, "moderation-" + second);

		this.mvc.perform(HtmlForm.of(view, "form[action$=/client/hide]").submit())
			.andExpect(redirectedUrl("/admin/comments?queue=all&client=" + hash));
		assertThat(stateOf(first)).isEqualTo("HIDDEN");
		assertThat(stateOf(second)).isEqualTo("HIDDEN");
		assertThat(stateOf(other)).isEqualTo("VISIBLE");
		assertThat(page(this.path).select(".comment-body").eachText()).containsExactly("ふつうの読者");
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.COMMENT_MODERATED, null, null, null), 0)
			.getContent()).anySatisfy((entry) -> assertThat(entry.detail()).isEqualTo("非表示: 宣伝その2"));
	}

	@Test
	void aPosterPutOnPreModerationWaitsForAModeratorUntilReleased() throws Exception {
		String reader = Readers.newAddress();
		long shown = write("最初は表示される", null, reader);
		String hash = this.jdbc.queryForObject("SELECT client_hash FROM article_comment WHERE id = ?", String.class,
				shown);
		Document view = page("/admin/comments?queue=all&client=" + hash);
		assertThat(view.select(".client-view p").eachText()).contains("事前承認にはなっていません。");
		this.mvc.perform(HtmlForm.of(view, "form[action$=/client/hold]").set("hours", "24").submit())
			.andExpect(redirectedUrl("/admin/comments?queue=all&client=" + hash));

		long held = write("事前承認中のコメント", null, reader);
		assertThat(stateOf(held)).isEqualTo("PENDING");
		assertThat(stateOf(shown)).isEqualTo("VISIBLE");
		assertThat(
				this.jdbc.queryForObject("SELECT queue_reason FROM article_comment WHERE id = ?", String.class, held))
			.isEqualTo("投稿者を事前承認中");
		assertThat(stateOf(write("ほかの読者は影響なし", null, Readers.newAddress()))).isEqualTo("VISIBLE");
		view = page("/admin/comments?queue=all&client=" + hash);
		assertThat(view.selectFirst(".client-view .notice").text()).startsWith("2026/01/")
			.endsWith("まで事前承認中です。新しいコメントと編集は承認待ちになります。");

		this.mvc.perform(HtmlForm.of(view, "form[action$=/client/hold]").set("hours", "5").submit())
			.andExpect(redirectedUrl("/admin/comments?queue=all&client=" + hash));
		this.mvc.perform(HtmlForm.of(view, "form[action$=/client/release]").submit())
			.andExpect(redirectedUrl("/admin/comments?queue=all&client=" + hash));
		assertThat(stateOf(write("解除後のコメント", null, reader))).isEqualTo("VISIBLE");
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.COMMENT_MODERATED, null, null, null), 0)
			.getContent()
			.stream()
			.map((entry) -> entry.detail())
			.toList()).contains("投稿者の事前承認を解除").anyMatch((detail) -> detail.startsWith("投稿者を事前承認に("));

		this.mvc.perform(post("/admin/comments/client/hold").with(csrf()).param("client", "not-a-hash"))
			.andExpect(status().isBadRequest());
	}

	private long write(String body, String replyTo, String client) throws Exception {
		var request = post(this.path + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with(Readers.from(client));
		if (replyTo != null) {
			request.param("replyTo", replyTo);
		}
		this.mvc.perform(request).andExpect(status().isFound());
		return this.jdbc.queryForObject("SELECT MAX(id) FROM article_comment WHERE body = ?", Long.class, body);
	}

	private void react(long comment, String reaction, String client) throws Exception {
		this.mvc
			.perform(post(this.path + "/comments/" + comment + "/reactions").header("Origin", "http://localhost:8080")
				.param("reaction", reaction)
				.accept("application/json")
				.with(Readers.from(client)))
			.andExpect(status().isOk());
	}

	private String stateOf(long id) {
		return this.jdbc.queryForObject("SELECT status FROM article_comment WHERE id = ?", String.class, id);
	}

	private Document page(String path) throws Exception {
		return new PageFetcher(this.mvc).get(path);
	}

}
