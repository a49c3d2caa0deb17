package dev.shimbun.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.support.ModerationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Readers reporting a comment at the same moment, released together by a barrier from
 * real threads: every distinct client counts, the threshold hides the comment exactly at
 * the third, the same client twice counts once, and everyone gets the normal answer.
 */
@ModerationTest
class CommentReportConcurrencyTests {

	static final String ARTICLE = "/articles/gut-bacteria-anxiety-ucla";

	private static final AtomicInteger addresses = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CommentRepository comments;

	@Autowired
	private JdbcTemplate jdbc;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		this.threads.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void reportsFromManyClientsAtOnceAreAllCounted() throws Exception {
		long id = newComment();
		List<String> clients = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			clients.add(address());
		}
		assertThat(reportAtOnce(id, clients)).containsOnly(302);
		assertThat(reports(id)).isEqualTo(8);
		Comment comment = this.comments.findById(id).orElseThrow();
		assertThat(comment.getReportCount()).isEqualTo(8);
		assertThat(comment.getStatus()).isEqualTo(CommentStatus.REPORTED);
	}

	@Test
	void theThresholdHidesTheCommentExactlyAtTheThirdClientWhateverTheOrder() throws Exception {
		for (int round = 0; round < 6; round++) {
			long id = newComment();
			assertThat(reportAtOnce(id, List.of(address(), address()))).containsOnly(302);
			assertThat(this.comments.findById(id).orElseThrow().getStatus()).as("two reports")
				.isEqualTo(CommentStatus.VISIBLE);
			assertThat(reportAtOnce(id, List.of(address(), address()))).containsOnly(302);
			Comment comment = this.comments.findById(id).orElseThrow();
			assertThat(comment.getStatus()).as("four reports").isEqualTo(CommentStatus.REPORTED);
			assertThat(comment.getReportCount()).isEqualTo(reports(id));
			assertThat(reports(id)).isBetween(3, 4);
		}
		for (int round = 0; round < 6; round++) {
			long id = newComment();
			assertThat(reportAtOnce(id, List.of(address(), address(), address()))).containsOnly(302);
			Comment comment = this.comments.findById(id).orElseThrow();
			assertThat(comment.getStatus()).as("three at once").isEqualTo(CommentStatus.REPORTED);
			assertThat(comment.getReportCount()).isEqualTo(3);
		}
	}

	@Test
	void theSameClientReportingTwiceAtOnceCountsOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			long id = newComment();
			String client = address();
			assertThat(reportAtOnce(id, List.of(client, client, client, client))).containsOnly(302);
			assertThat(reports(id)).isEqualTo(1);
			Comment comment = this.comments.findById(id).orElseThrow();
			assertThat(comment.getReportCount()).isEqualTo(1);
			assertThat(comment.getStatus()).isEqualTo(CommentStatus.VISIBLE);
		}
	}

	@Test
	void theSameTextPostedTwiceAtOnceByOneClientIsStoredOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			String client = address();
			String body = "同時に二度押したコメント " + round + " " + client;
			CyclicBarrier start = new CyclicBarrier(4);
			List<Future<Integer>> sent = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				sent.add(this.threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return this.mvc.perform(post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
						.param("body", body)
						.with((request) -> {
							request.setRemoteAddr(client);
							return request;
						})).andReturn().getResponse().getStatus();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : sent) {
				statuses.add(status.get(60, TimeUnit.SECONDS));
			}
			// one is posted, the others are refused as duplicates on the article page
			assertThat(statuses).containsOnly(302, 422).containsOnlyOnce(302);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM article_comment WHERE body = ?", Integer.class,
					body))
				.isEqualTo(1);
		}
	}

	/** Sends the reports from these client addresses at once; their statuses. */
	private List<Integer> reportAtOnce(long id, List<String> clients) throws Exception {
		CyclicBarrier start = new CyclicBarrier(clients.size());
		List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
		for (String client : clients) {
			sent.add(this.threads.submit(() -> {
				start.await(30, TimeUnit.SECONDS);
				return this.mvc
					.perform(post(ARTICLE + "/comments/" + id + "/report").header("Origin", "http://localhost:8080")
						.param("reason", "SPAM")
						.with((request) -> {
							request.setRemoteAddr(client);
							return request;
						}))
					.andReturn()
					.getResponse();
			}));
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<MockHttpServletResponse> response : sent) {
			MockHttpServletResponse done = response.get(60, TimeUnit.SECONDS);
			statuses.add(done.getStatus());
			if (done.getStatus() == 302) {
				assertThat(done.getRedirectedUrl()).isEqualTo(ARTICLE + "?reported=1#comments");
			}
		}
		return statuses;
	}

	private long newComment() throws Exception {
		String body = "通報される予定のコメント " + addresses.get();
		String client = address();
		this.mvc.perform(post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with((request) -> {
				request.setRemoteAddr(client);
				return request;
			})).andReturn();
		return this.jdbc.queryForObject("SELECT id FROM article_comment WHERE body = ?", Long.class, body);
	}

	private int reports(long id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM comment_report WHERE comment_id = ?", Integer.class, id);
	}

	private static String address() {
		int n = addresses.getAndIncrement();
		return "198.51." + (n / 250) + "." + (1 + n % 250);
	}

}
