package dev.shimbun.comment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.MutableClock;
import dev.shimbun.pagecache.PageCache;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Readers post comments: every check, and what the page shows after. */
@SiteTest
@TestPropertySource(properties = "shimbun.comments.page-size=3")
@OwnContext
@DirtiesContext
class CommentPostingTests {

	static final String ARTICLE = "/articles/why-we-yawn";

	private static final AtomicInteger clients = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PageCache pageCache;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CommentRepository comments;

	@Autowired
	private jakarta.persistence.EntityManager entityManager;

	@Autowired
	private org.springframework.transaction.support.TransactionTemplate transactions;

	private String client;

	@BeforeEach
	void newClient() {
		this.client = "198.51.100." + clients.getAndIncrement();
		this.clock.advance(Duration.ofDays(1));
	}

	private MockHttpServletRequestBuilder comment(String path, String body) {
		return post(path + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with(from(this.client));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private Document page(String path) throws Exception {
		return new PageFetcher(this.mvc).get(path);
	}

	@Test
	void aCommentIsStoredBeforeTheRedirectAndShownWithTheCount() throws Exception {
		int before = count(page(ARTICLE));
		MvcResult result = this.mvc.perform(comment(ARTICLE, "あくびは伝染する").param("nickname", "読者A"))
			.andExpect(redirectedUrlPattern(ARTICLE + "?comment=posted#comment-*"))
			.andReturn();
		String anchor = result.getResponse().getRedirectedUrl().replaceAll(".*#", "");
		Document page = page(ARTICLE + "?comment=posted");
		assertThat(page.selectFirst(".comments .notice").text()).isEqualTo("コメントを投稿しました。");
		assertThat(count(page)).isEqualTo(before + 1);
		assertThat(page.getElementById(anchor).selectFirst(".comment-nickname").text()).isEqualTo("読者A");
		assertThat(page.getElementById(anchor).selectFirst(".comment-body").text()).isEqualTo("あくびは伝染する");
	}

	@Test
	void anonymousPostersAreShownAsAnonymousAndHtmlStaysText() throws Exception {
		String payload = "<script>document.title='x'</script><img src=x onerror=alert(1)>";
		String location = this.mvc.perform(comment(ARTICLE, payload)).andReturn().getResponse().getRedirectedUrl();
		Document page = page(ARTICLE);
		var comment = page.getElementById(location.replaceAll(".*#", ""));
		assertThat(comment.selectFirst(".comment-nickname").text()).isEqualTo("匿名");
		assertThat(comment.selectFirst(".comment-body").text()).isEqualTo(payload);
		assertThat(comment.select("script, img")).isEmpty();
	}

	@Test
	void aTooLongCommentIsRefusedNextToTheFieldWithTheTextKept() throws Exception {
		String text = "長".repeat(301);
		long stored = this.comments.count();
		MvcResult result = this.mvc.perform(comment(ARTICLE, text).param("nickname", "ニック"))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.getElementById("comment-body-error").text()).isEqualTo("コメントは300文字以内で入力してください(現在301文字)。");
		assertThat(page.getElementById("comment-body").text()).isEqualTo(text);
		assertThat(page.getElementById("comment-body").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("comment-body").attr("aria-describedby")).contains("comment-body-error");
		assertThat(page.getElementById("comment-nickname").val()).isEqualTo("ニック");
		assertThat(this.comments.count()).isEqualTo(stored);
	}

	@Test
	void threeHundredFlagsAreAccepted() throws Exception {
		this.mvc.perform(comment(ARTICLE, "🇯🇵".repeat(300)))
			.andExpect(redirectedUrlPattern(ARTICLE + "?comment=posted*"));
	}

	@Test
	void postsFromOtherSitesOrWithoutOriginAreForbidden() throws Exception {
		long stored = this.comments.count();
		this.mvc.perform(post(ARTICLE + "/comments").param("body", "偽の投稿")).andExpect(status().isForbidden());
		this.mvc.perform(post(ARTICLE + "/comments").header("Origin", "https://evil.example").param("body", "偽の投稿"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(ARTICLE + "/comments").header("Sec-Fetch-Site", "cross-site")
				.header("Origin", "http://localhost:8080")
				.param("body", "偽の投稿"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(ARTICLE + "/comments").header("Referer", "https://evil.example/page").param("body", "偽の投稿"))
			.andExpect(status().isForbidden());
		assertThat(this.comments.count()).isEqualTo(stored);
		this.mvc
			.perform(post(ARTICLE + "/comments").header("Sec-Fetch-Site", "same-origin")
				.param("body", "同じサイトから")
				.with(from(this.client)))
			.andExpect(status().isFound());
		this.mvc
			.perform(post(ARTICLE + "/comments").header("Referer", "http://localhost:8080" + ARTICLE)
				.param("body", "リファラーあり")
				.with(from(this.client)))
			.andExpect(status().isFound());
	}

	@Test
	void aBurstGets429WithRetryAfterAndTheDayHasALimitToo() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(comment(ARTICLE, "連投" + i)).andExpect(status().isFound());
		}
		this.mvc.perform(comment(ARTICLE, "六つ目"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("投稿が多すぎます")));
		this.clock.advance(Duration.ofMinutes(1));
		this.mvc.perform(comment(ARTICLE, "一分後")).andExpect(status().isFound());
		for (int minute = 0; minute < 20; minute++) {
			this.clock.advance(Duration.ofMinutes(1));
			for (int i = 0; i < 5; i++) {
				this.mvc.perform(comment(ARTICLE, "日" + minute + "-" + i));
			}
		}
		this.clock.advance(Duration.ofMinutes(1));
		MvcResult day = this.mvc.perform(comment(ARTICLE, "上限の後")).andExpect(status().isTooManyRequests()).andReturn();
		assertThat(Long.parseLong(day.getResponse().getHeader("Retry-After"))).isGreaterThan(3600);
	}

	@Test
	void theHoneypotIsAcknowledgedButNothingIsStored() throws Exception {
		long stored = this.comments.count();
		this.mvc.perform(comment(ARTICLE, "ロボットの宣伝").param("website", "http://spam.example"))
			.andExpect(redirectedUrl(ARTICLE + "?comment=posted#comments"));
		assertThat(this.comments.count()).isEqualTo(stored);
	}

	@Test
	void theSameTextFromTheSameClientWithinTenMinutesIsRefused() throws Exception {
		this.mvc.perform(comment(ARTICLE, "二重投稿")).andExpect(status().isFound());
		this.mvc.perform(comment(ARTICLE, "二重投稿"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("同じ内容のコメントがすでに投稿されています")));
		this.clock.advance(Duration.ofMinutes(11));
		this.mvc.perform(comment(ARTICLE, "二重投稿")).andExpect(status().isFound());
	}

	@Test
	void closedAndAutoClosedArticlesTakeNoComments() throws Exception {
		setCommentPolicy("bride-wedding-dress-tragedy", "CLOSED", null);
		Document closed = page("/articles/bride-wedding-dress-tragedy");
		assertThat(closed.selectFirst(".comments-closed").text()).isEqualTo("この記事のコメントの受け付けは終了しました。");
		assertThat(closed.select("#comment-form")).isEmpty();
		this.mvc.perform(comment("/articles/bride-wedding-dress-tragedy", "締め切り後"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("受け付けは終了しました")));
		// published in June 2025, closing after 30 days: long closed by the test clock
		setCommentPolicy("newjeans-ador-lawsuit", "OPEN", 30);
		assertThat(page("/articles/newjeans-ador-lawsuit").select("#comment-form")).isEmpty();
		setCommentPolicy("newjeans-ador-lawsuit", "OPEN", null);
		assertThat(page("/articles/newjeans-ador-lawsuit").select("#comment-form")).hasSize(1);
	}

	@Test
	void preModeratedCommentsWaitAndAreNotCounted() throws Exception {
		setCommentPolicy("china-j36-fighter-redesign", "PREMODERATED", null);
		String path = "/articles/china-j36-fighter-redesign";
		int before = count(page(path));
		this.mvc.perform(comment(path, "承認をお願いします")).andExpect(redirectedUrl(path + "?comment=pending#comments"));
		Document page = page(path + "?comment=pending");
		assertThat(page.selectFirst(".comments .notice").text()).contains("承認待ち");
		assertThat(count(page)).isEqualTo(before);
		assertThat(page.select(".comment-body").eachText()).doesNotContain("承認をお願いします");
		assertThat(this.comments.findAll()).anySatisfy((comment) -> {
			assertThat(comment.getBody()).isEqualTo("承認をお願いします");
			assertThat(comment.getStatus()).isEqualTo(CommentStatus.PENDING);
		});
	}

	@Test
	void threeReportsFromDifferentClientsHideACommentUntilAModeratorDecides() throws Exception {
		String path = "/articles/east-asia-provocative-flight";
		String location = this.mvc.perform(comment(path, "問題のあるコメント")).andReturn().getResponse().getRedirectedUrl();
		String id = location.replaceAll(".*#comment-", "");
		int before = count(page(path));
		report(path, id, "203.0.113.1");
		report(path, id, "203.0.113.1");
		report(path, id, "203.0.113.2");
		assertThat(count(page(path))).as("two clients are not enough").isEqualTo(before);
		report(path, id, "203.0.113.3");
		Document page = page(path + "?reported=1");
		assertThat(count(page)).isEqualTo(before - 1);
		assertThat(page.getElementById("comment-" + id)).isNull();
		assertThat(page.selectFirst(".comments .notice").text()).isEqualTo("通報を受け付けました。ご協力ありがとうございます。");
		assertThat(this.comments.findById(Long.valueOf(id)).orElseThrow().getStatus())
			.isEqualTo(CommentStatus.REPORTED);
	}

	private void report(String path, String id, String address) throws Exception {
		this.mvc
			.perform(post(path + "/comments/" + id + "/report").header("Origin", "http://localhost:8080")
				.param("reason", "ABUSE")
				.with(from(address)))
			.andExpect(redirectedUrl(path + "?reported=1#comments"));
	}

	@Test
	void reportsOfUnknownCommentsAreNotFoundAndBadReasonsAreBadRequests() throws Exception {
		this.mvc
			.perform(post(ARTICLE + "/comments/999999/report").header("Origin", "http://localhost:8080")
				.param("reason", "SPAM"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(ARTICLE + "/comments/1/report").header("Origin", "http://localhost:8080")
				.param("reason", "BORED"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void commentsAreNewestFirstWithASwitchAndPagesAndTheCountMatchesTheList() throws Exception {
		String path = "/articles/stray-dog-old-friendship";
		for (int i = 1; i <= 5; i++) {
			this.clock.advance(Duration.ofMinutes(2));
			this.mvc.perform(comment(path, "順番" + i)).andExpect(status().isFound());
		}
		Document newest = page(path);
		assertThat(count(newest)).isEqualTo(5);
		assertThat(newest.select(".comment-body").eachText()).containsExactly("順番5", "順番4", "順番3");
		assertThat(newest.select(".comments .pagination a").eachText()).containsExactly("1", "2");
		Document second = page(path + "?cpage=2");
		assertThat(second.select(".comment-body").eachText()).containsExactly("順番2", "順番1");
		Document oldest = page(path + "?corder=oldest");
		assertThat(oldest.select(".comment-body").eachText()).containsExactly("順番1", "順番2", "順番3");
		assertThat(oldest.selectFirst(".comment-order a[aria-current]").text()).isEqualTo("古い順");
	}

	@Test
	void featuredCommentsAreShownOnTopAsTheEditorsChoice() throws Exception {
		String path = "/articles/boys-help-stray-dog";
		String location = this.mvc.perform(comment(path, "心温まる話")).andReturn().getResponse().getRedirectedUrl();
		Long id = Long.valueOf(location.replaceAll(".*#comment-", ""));
		this.transactions.executeWithoutResult((status) -> this.comments.findById(id).orElseThrow().feature(true));
		Document page = page(path);
		assertThat(page.selectFirst(".featured-comments h3").text()).isEqualTo("編集部のおすすめ");
		assertThat(page.select(".featured-comments .comment-body").eachText()).containsExactly("心温まる話");
		assertThat(count(page)).isEqualTo(1);
	}

	@Test
	void malformedRequestsGetABadRequest() throws Exception {
		this.mvc
			.perform(post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
				.contentType("application/x-www-form-urlencoded")
				.content("body=%FF%FE%FD"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
				.contentType("application/x-www-form-urlencoded")
				.content("body=" + "a".repeat(70_000)))
			.andExpect(status().isPayloadTooLarge());
	}

	@Test
	void commentsOnUnknownArticlesAreNotFound() throws Exception {
		this.mvc.perform(comment("/articles/no-such-article", "どこへ")).andExpect(status().isNotFound());
	}

	private void setCommentPolicy(String slug, String mode, Integer days) {
		this.transactions.executeWithoutResult((status) -> this.entityManager
			.createNativeQuery("update article set comment_mode = ?1, comments_close_after_days = ?2 where slug = ?3")
			.setParameter(1, mode)
			.setParameter(2, days)
			.setParameter(3, slug)
			.executeUpdate());
		// changed behind the application's back, so its pages are not told
		this.pageCache.invalidateAll();
	}

	private static int count(Document page) {
		return Integer.parseInt(page.selectFirst("#comments-heading").text().replace("コメント", ""));
	}

}
