package dev.shimbun.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.support.ModerationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Readers' reactions to comments: one of each kind per client and comment, taken back by
 * pressing again, exact under concurrent presses from real threads, origin-checked and
 * rate-limited like every public POST, sorted by, and shown with accessible names.
 */
@ModerationTest
class CommentReactionsTests {

	static final String ARTICLE = "/articles/gut-bacteria-anxiety-ucla";

	private static final AtomicInteger addresses = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		this.threads.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void aPressCountsOnceAndPressingAgainTakesItBack() throws Exception {
		long id = newComment();
		String reader = address();
		MockHttpServletResponse first = press(id, "EMPATHY", reader, true);
		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(first.getContentAsString())
			.isEqualTo("{\"counts\":{\"EMPATHY\":1,\"INSIGHT\":0,\"DOUBT\":0},\"pressed\":true}");
		assertThat(press(id, "INSIGHT", reader, true).getContentAsString()).contains("\"INSIGHT\":1", "\"EMPATHY\":1");
		assertThat(press(id, "EMPATHY", address(), true).getContentAsString()).contains("\"EMPATHY\":2");
		MockHttpServletResponse again = press(id, "EMPATHY", reader, true);
		assertThat(again.getContentAsString()).contains("\"EMPATHY\":1", "\"pressed\":false");

		// without JavaScript: the plain form comes back to the comment
		MockHttpServletResponse plain = press(id, "DOUBT", reader, false);
		assertThat(plain.getStatus()).isEqualTo(302);
		assertThat(plain.getRedirectedUrl()).isEqualTo(ARTICLE + "?thread=" + id + "#comment-" + id);

		String current = this.mvc.perform(get(ARTICLE + "/comments/reactions").with((request) -> {
			request.setRemoteAddr(reader);
			return request;
		})).andReturn().getResponse().getContentAsString();
		assertThat(current).contains("\"" + id + "\":{\"EMPATHY\":1,\"INSIGHT\":1,\"DOUBT\":1}")
			.contains("\"" + id + ":INSIGHT\"", "\"" + id + ":DOUBT\"")
			.doesNotContain("\"" + id + ":EMPATHY\"");
	}

	@Test
	void buttonsShowTheirCountsWithAccessibleNamesAndTheMostEmpathyComesFirstWhenAsked() throws Exception {
		long quiet = newComment();
		long liked = newComment();
		press(liked, "EMPATHY", address(), true);
		press(liked, "EMPATHY", address(), true);
		press(quiet, "INSIGHT", address(), true);
		Document byEmpathy = Jsoup
			.parse(this.mvc.perform(get(ARTICLE + "?corder=empathy")).andReturn().getResponse().getContentAsString());
		List<String> order = byEmpathy.select(".comment-list > li.comment").eachAttr("id");
		assertThat(order.indexOf("comment-" + liked)).isLessThan(order.indexOf("comment-" + quiet));
		Element button = byEmpathy.selectFirst("#comment-" + liked + " button[value=EMPATHY]");
		assertThat(button.attr("aria-label")).isEqualTo("共感した 2件");
		assertThat(byEmpathy.selectFirst("#comment-" + quiet + " button[value=INSIGHT]").attr("aria-label"))
			.isEqualTo("なるほど 1件");
		assertThat(byEmpathy.select(".comment-order a[aria-current]").text()).isEqualTo("共感したの多い順");
	}

	@Test
	void manyReadersPressingAtOnceAreAllCountedAndOneReaderPressingTwiceAtOnceEndsConsistent() throws Exception {
		long id = newComment();
		List<String> readers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			readers.add(address());
		}
		assertThat(pressAtOnce(id, readers)).containsOnly(200);
		assertThat(count(id)).isEqualTo(8);
		assertThat(rows(id)).isEqualTo(8);

		String twice = address();
		assertThat(pressAtOnce(id, List.of(twice, twice))).containsOnly(200);
		// two presses of one reader: on and off again, whatever the order
		assertThat(count(id)).isEqualTo(8);
		assertThat(rows(id)).isEqualTo(8);
	}

	@Test
	void aPressFromAnotherSiteTooManyPressesAndHiddenOrUnknownCommentsAreRefused() throws Exception {
		long id = newComment();
		MockHttpServletResponse foreign = this.mvc
			.perform(post(ARTICLE + "/comments/" + id + "/reactions").header("Origin", "https://evil.example")
				.param("reaction", "EMPATHY")
				.accept("application/json"))
			.andReturn()
			.getResponse();
		assertThat(foreign.getStatus()).isEqualTo(403);
		assertThat(count(id)).isZero();

		assertThat(press(id, "LOVE", address(), true).getStatus()).isEqualTo(400);
		assertThat(press(id, "LOVE", address(), false).getStatus()).isEqualTo(400);
		assertThat(press(999_999, "EMPATHY", address(), true).getStatus()).isEqualTo(404);
		this.jdbc.update("UPDATE article_comment SET status = 'HIDDEN' WHERE id = ?", id);
		assertThat(press(id, "EMPATHY", address(), true).getStatus()).isEqualTo(404);
		this.jdbc.update("UPDATE article_comment SET status = 'VISIBLE' WHERE id = ?", id);

		String eager = address();
		int accepted = 0;
		MockHttpServletResponse refused = null;
		for (int i = 0; i < 40 && refused == null; i++) {
			MockHttpServletResponse response = press(id, "EMPATHY", eager, true);
			if (response.getStatus() == 429) {
				refused = response;
			}
			else {
				accepted++;
			}
		}
		assertThat(accepted).isEqualTo(30);
		assertThat(refused.getHeader("Retry-After")).isNotBlank();
		assertThat(refused.getContentAsString()).contains("反応の操作が多すぎます");
		assertThat(press(id, "EMPATHY", eager, false).getStatus()).isEqualTo(429);
	}

	private List<Integer> pressAtOnce(long id, List<String> readers) throws Exception {
		CountDownLatch ready = new CountDownLatch(readers.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> sent = new ArrayList<>();
		for (String reader : readers) {
			sent.add(this.threads.submit(() -> {
				ready.countDown();
				go.await();
				return press(id, "EMPATHY", reader, true).getStatus();
			}));
		}
		ready.await();
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> status : sent) {
			statuses.add(status.get(60, TimeUnit.SECONDS));
		}
		return statuses;
	}

	private MockHttpServletResponse press(long id, String reaction, String reader, boolean script) throws Exception {
		MockHttpServletRequestBuilder request = post(ARTICLE + "/comments/" + id + "/reactions")
			.header("Origin", "http://localhost:8080")
			.param("reaction", reaction)
			.with((sent) -> {
				sent.setRemoteAddr(reader);
				return sent;
			});
		if (script) {
			request.accept("application/json");
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private long newComment() throws Exception {
		String body = "反応を受けるコメント " + addresses.get();
		String client = address();
		this.mvc.perform(post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with((request) -> {
				request.setRemoteAddr(client);
				return request;
			})).andReturn();
		return this.jdbc.queryForObject("SELECT id FROM article_comment WHERE body = ?", Long.class, body);
	}

	private int count(long id) {
		return this.jdbc.queryForObject("SELECT empathy_count FROM article_comment WHERE id = ?", Integer.class, id);
	}

	private int rows(long id) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM comment_reaction WHERE comment_id = ? AND reaction = 'EMPATHY'", Integer.class,
				id);
	}

	private static String address() {
		int n = addresses.getAndIncrement();
		return "203.0." + (n / 250) + "." + (1 + n % 250);
	}

}
