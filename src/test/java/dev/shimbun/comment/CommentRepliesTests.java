package dev.shimbun.comment;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.pagecache.PageCache;
import dev.shimbun.support.Articles;
import dev.shimbun.support.Comments;
import dev.shimbun.support.Readers;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Replies: one level under a top-level comment, posted and checked like comments (length,
 * rate limit, moderation, reports), shown under their comment and on the thread's own
 * page (the permalink, and the reply form without JavaScript), counted, sorted by, and
 * hidden from readers with the comment they answer.
 */
@SiteTest
class CommentRepliesTests {

	private static final AtomicInteger articles = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CommentModerationService moderation;

	@Autowired
	private PageCache pageCache;

	private String path;

	private Long articleId;

	@BeforeEach
	void newArticle() {
		String slug = "replies-" + articles.getAndIncrement();
		this.articleId = Articles.published().slug(slug).headline("返信を受ける記事").paragraph("本文").save(this.context);
		this.path = "/articles/" + slug;
	}

	@Test
	void aReplyIsShownUnderItsCommentCountedAndOnItsThreadsPage() throws Exception {
		long parent = write("最初のコメント", null, Readers.newAddress()).id();
		Posted reply = write("それに返信します", String.valueOf(parent), Readers.newAddress());
		assertThat(reply.location())
			.isEqualTo(this.path + "?thread=" + parent + "&comment=posted#comment-" + reply.id());
		assertThat(parentOf(reply.id())).isEqualTo(parent);

		Document page = page(this.path);
		assertThat(count(page)).isEqualTo(2);
		assertThat(page.select(".comment-list > li.comment").eachAttr("id")).containsExactly("comment-" + parent);
		Element nested = page.selectFirst("#comment-" + parent + " > ol.comment-replies > li#comment-" + reply.id());
		assertThat(nested.selectFirst(".comment-body").text()).isEqualTo("それに返信します");
		assertThat(nested.hasClass("is-reply")).isTrue();
		assertThat(page.selectFirst("#comment-" + parent + " > ol.comment-replies").attr("aria-label"))
			.isEqualTo("返信1件");
		// the permalink of a reply is its thread's page; the reply link leads to its form
		assertThat(nested.selectFirst("a.comment-permalink").attr("href"))
			.isEqualTo(this.path + "?thread=" + parent + "#comment-" + reply.id());
		assertThat(page.selectFirst("#comment-" + parent + " > .comment-reply-link a").attr("href"))
			.isEqualTo(this.path + "?thread=" + parent + "#reply-form");

		Document thread = page(reply.location().replace("#comment-" + reply.id(), ""));
		assertThat(thread.selectFirst(".comments .notice").text()).isEqualTo("コメントを投稿しました。");
		assertThat(thread.selectFirst("#comment-" + reply.id() + " .comment-body").text()).isEqualTo("それに返信します");
		Element form = thread.getElementById("reply-form");
		assertThat(form.selectFirst("h3").text()).isEqualTo("このコメントに返信する");
		assertThat(form.selectFirst("input[name=replyTo]").val()).isEqualTo(String.valueOf(parent));
		assertThat(thread.getElementById("comment-form")).isNull();
		assertThat(thread.selectFirst(".comment-thread-back a").attr("href")).isEqualTo(this.path + "#comments");
	}

	@Test
	void aReplyToAReplyJoinsTheSameThread() throws Exception {
		long parent = write("親", null, Readers.newAddress()).id();
		long first = write("返信", String.valueOf(parent), Readers.newAddress()).id();
		Posted second = write("返信への返信", String.valueOf(first), Readers.newAddress());
		assertThat(parentOf(second.id())).isEqualTo(parent);
		assertThat(second.location()).startsWith(this.path + "?thread=" + parent + "&");
	}

	@Test
	void aReplyIsCheckedLikeAComment() throws Exception {
		long parent = write("親コメント", null, Readers.newAddress()).id();
		int stored = stored();

		MockHttpServletResponse tooLong = send("長".repeat(301), String.valueOf(parent), Readers.newAddress());
		assertThat(tooLong.getStatus()).isEqualTo(422);
		Document refused = Jsoup.parse(tooLong.getContentAsString());
		// shown again in its thread, under the comment it answers, with the text kept
		assertThat(refused.getElementById("reply-form").selectFirst("#comment-body-error").text())
			.isEqualTo("コメントは300文字以内で入力してください(現在301文字)。");
		assertThat(refused.getElementById("comment-body").text()).isEqualTo("長".repeat(301));
		assertThat(refused.selectFirst("#reply-form input[name=replyTo]").val()).isEqualTo(String.valueOf(parent));
		assertThat(send(" ", String.valueOf(parent), Readers.newAddress()).getStatus()).isEqualTo(422);

		String eager = Readers.newAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(send("返信その" + i, String.valueOf(parent), eager).getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse limited = send("返信その6", String.valueOf(parent), eager);
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isNotBlank();
		assertThat(stored()).isEqualTo(stored + 5);
	}

	@Test
	void aReplyToACommentReadersDoNotSeeIsRefusedWithTheReason() throws Exception {
		long parent = write("親", null, Readers.newAddress()).id();
		Long elsewhere = Comments.on(Articles.published().headline("別の記事").paragraph("本文").save(this.context))
			.save(this.context);
		Long pending = Comments.on(this.articleId).status(CommentStatus.PENDING).save(this.context);
		int stored = stored();
		for (String replyTo : List.of("999999999", String.valueOf(elsewhere), String.valueOf(pending), "abc", "1e3",
				"-1", "9".repeat(40))) {
			MockHttpServletResponse refused = send("返信", replyTo, Readers.newAddress());
			assertThat(refused.getStatus()).as(replyTo).isEqualTo(422);
			assertThat(Jsoup.parse(refused.getContentAsString()).selectFirst("#comment-body-error").text())
				.isEqualTo("返信先のコメントは削除されたか、表示されていません。返信は投稿されていません。");
		}
		assertThat(stored()).isEqualTo(stored);
		assertThat(parent).isPositive();
	}

	@Test
	void onAPremoderatedArticleAReplyWaitsForAModerator() throws Exception {
		long parent = write("親", null, Readers.newAddress()).id();
		this.jdbc.update("UPDATE article SET comment_mode = 'PREMODERATED' WHERE id = ?", this.articleId);
		this.pageCache.invalidateAll();
		Posted reply = write("承認待ちの返信", String.valueOf(parent), Readers.newAddress());
		assertThat(reply.location()).isEqualTo(this.path + "?thread=" + parent + "&comment=pending#reply-form");
		Document thread = page(this.path + "?thread=" + parent);
		assertThat(thread.select(".comment-body").eachText()).containsExactly("親");
		assertThat(count(thread)).isEqualTo(1);
	}

	@Test
	void aHiddenCommentHidesItsRepliesFromReadersWithoutLosingThem() throws Exception {
		long parent = write("隠される親", null, Readers.newAddress()).id();
		long reply = write("巻き添えの返信", String.valueOf(parent), Readers.newAddress()).id();
		long other = write("ほかのコメント", null, Readers.newAddress()).id();
		assertThat(count(page(this.path))).isEqualTo(3);

		this.moderation.moderate(parent, ModerationAction.HIDE, this.moderation.row(parent).version());
		Document page = page(this.path);
		assertThat(count(page)).isEqualTo(1);
		assertThat(page.select(".comment-body").eachText()).containsExactly("ほかのコメント");
		Document thread = page(this.path + "?thread=" + reply);
		assertThat(thread.selectFirst(".comments .notice").text()).isEqualTo("お探しのコメントは削除されたか、表示されていません。");
		assertThat(thread.select(".comment-body").eachText()).containsExactly("ほかのコメント");
		assertThat(send("まだ返信したい", String.valueOf(reply), Readers.newAddress()).getStatus()).isEqualTo(422);
		assertThat(react(reply)).isEqualTo(404);
		assertThat(react(other)).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT status FROM article_comment WHERE id = ?", String.class, reply))
			.isEqualTo("VISIBLE");

		this.moderation.moderate(parent, ModerationAction.APPROVE, this.moderation.row(parent).version());
		assertThat(page(this.path).select("#comment-" + parent + " .comment-replies .comment-body").eachText())
			.containsExactly("巻き添えの返信");
	}

	@Test
	void threeReportsHideAReplyAsTheyHideAComment() throws Exception {
		long parent = write("親", null, Readers.newAddress()).id();
		long reply = write("通報される返信", String.valueOf(parent), Readers.newAddress()).id();
		for (int i = 0; i < 3; i++) {
			this.mvc
				.perform(post(this.path + "/comments/" + reply + "/report").header("Origin", "http://localhost:8080")
					.param("reason", "ABUSE")
					.with(Readers.from(Readers.newAddress())))
				.andReturn();
		}
		assertThat(page(this.path + "?thread=" + parent).select(".comment-body").eachText()).containsExactly("親");
	}

	@Test
	void theListShowsTheFirstRepliesAndTheThreadAllOfThemOldestFirst() throws Exception {
		long parent = write("人気のコメント", null, Readers.newAddress()).id();
		for (int i = 1; i <= 5; i++) {
			write("返信" + i, String.valueOf(parent), Readers.newAddress());
		}
		Document page = page(this.path);
		assertThat(page.select("#comment-" + parent + " .comment-replies .comment-body").eachText())
			.containsExactly("返信1", "返信2", "返信3");
		Element more = page.selectFirst("#comment-" + parent + " .comment-more-replies a");
		assertThat(more.text()).isEqualTo("返信をすべて見る(5件)");
		assertThat(more.attr("href")).isEqualTo(this.path + "?thread=" + parent + "#comment-" + parent);
		assertThat(page(this.path + "?thread=" + parent).select(".comment-replies .comment-body").eachText())
			.containsExactly("返信1", "返信2", "返信3", "返信4", "返信5");
		assertThat(count(page)).isEqualTo(6);
	}

	@Test
	void commentsCanBeSortedByTheirReplies() throws Exception {
		long none = write("返信なし", null, Readers.newAddress()).id();
		long two = write("返信ふたつ", null, Readers.newAddress()).id();
		long one = write("返信ひとつ", null, Readers.newAddress()).id();
		write("a", String.valueOf(two), Readers.newAddress());
		write("b", String.valueOf(two), Readers.newAddress());
		write("c", String.valueOf(one), Readers.newAddress());
		Document page = page(this.path + "?corder=replies");
		assertThat(page.select(".comment-list > li.comment").eachAttr("id")).containsExactly("comment-" + two,
				"comment-" + one, "comment-" + none);
		assertThat(page.select(".comment-order a[aria-current]").text()).isEqualTo("返信の多い順");
		// newest first stays the default
		assertThat(page(this.path).select(".comment-list > li.comment").eachAttr("id"))
			.containsExactly("comment-" + one, "comment-" + two, "comment-" + none);
	}

	@Test
	void aFeaturedReplyIsShownAmongTheFeaturedComments() throws Exception {
		long parent = write("親", null, Readers.newAddress()).id();
		long reply = write("編集部が選んだ返信", String.valueOf(parent), Readers.newAddress()).id();
		this.moderation.moderate(reply, ModerationAction.FEATURE, this.moderation.row(reply).version());
		Document page = page(this.path);
		assertThat(page.select(".featured-comments .comment-body").eachText()).containsExactly("編集部が選んだ返信");
		assertThat(page.selectFirst(".featured-comments a.comment-permalink").attr("href"))
			.isEqualTo(this.path + "?thread=" + parent + "#comment-" + reply);
	}

	private Posted write(String body, String replyTo, String client) throws Exception {
		MockHttpServletResponse response = send(body, replyTo, client);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		String location = response.getRedirectedUrl();
		String anchor = location.replaceAll(".*#", "");
		Long id = anchor.startsWith("comment-") ? Long.valueOf(anchor.substring("comment-".length()))
				: this.jdbc.queryForObject("SELECT MAX(id) FROM article_comment WHERE body = ?", Long.class, body);
		return new Posted(id, location);
	}

	private MockHttpServletResponse send(String body, String replyTo, String client) throws Exception {
		var request = post(this.path + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with(Readers.from(client));
		if (replyTo != null) {
			request.param("replyTo", replyTo);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private int react(long comment) throws Exception {
		return this.mvc
			.perform(post(this.path + "/comments/" + comment + "/reactions").header("Origin", "http://localhost:8080")
				.param("reaction", "EMPATHY")
				.accept("application/json")
				.with(Readers.from(Readers.newAddress())))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private Document page(String path) throws Exception {
		return new PageFetcher(this.mvc).get(path);
	}

	private Long parentOf(long id) {
		return this.jdbc.queryForObject("SELECT parent_id FROM article_comment WHERE id = ?", Long.class, id);
	}

	private int stored() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM article_comment WHERE article_id = ?", Integer.class,
				this.articleId);
	}

	private static int count(Document page) {
		return Integer.parseInt(page.selectFirst("#comments-heading").text().replace("コメント", ""));
	}

	private record Posted(long id, String location) {
	}

}
