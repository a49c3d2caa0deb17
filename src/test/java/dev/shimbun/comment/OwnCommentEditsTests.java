package dev.shimbun.comment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.MutableClock;
import dev.shimbun.support.Articles;
import dev.shimbun.support.Readers;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Readers edit or take back their own comment for a while after posting, proven by the
 * key the page's script got when posting (stored hashed, never a cookie): edits pass
 * every comment rule again, show 「編集済み」, and stay in the moderation history.
 */
@SiteTest
class OwnCommentEditsTests {

	private static final AtomicInteger articles = new AtomicInteger(1);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CommentModerationService moderation;

	private String path;

	private String client;

	@BeforeEach
	void newArticle() {
		String slug = "own-comments-" + articles.getAndIncrement();
		Articles.published().slug(slug).headline("自分のコメントを直す記事").paragraph("本文").save(this.context);
		this.path = "/articles/" + slug;
		this.client = Readers.newAddress();
	}

	@AfterEach
	void clearRules() {
		this.jdbc.update("UPDATE comment_rules SET banned_words = '', suspect_words = ''");
	}

	@Test
	void thePostingScriptGetsAKeyThatIsStoredOnlyAsItsHash() throws Exception {
		JsonNode posted = postForScript("鍵つきのコメント", null);
		String key = posted.get("editKey").asString();
		assertThat(key).matches("[A-Za-z0-9_-]{43}");
		assertThat(posted.get("editableFor").asLong()).isEqualTo(600);
		assertThat(posted.get("location").asString())
			.isEqualTo(this.path + "?comment=posted#comment-" + posted.get("id").asLong());
		String stored = this.jdbc.queryForObject("SELECT edit_key_hash FROM article_comment WHERE id = ?", String.class,
				posted.get("id").asLong());
		assertThat(stored).isEqualTo(EditKeys.hash(key)).doesNotContain(key).hasSize(64);
		// a second comment gets another key
		assertThat(postForScript("もうひとつ", null).get("editKey").asString()).isNotEqualTo(key);
	}

	@Test
	void theAuthorEditsWithinTheWindowAndReadersSeeEditedWhileModeratorsSeeTheHistory() throws Exception {
		JsonNode posted = postForScript("書き間違えたコメント", null);
		long id = posted.get("id").asLong();
		String key = posted.get("editKey").asString();
		this.clock.advance(Duration.ofMinutes(9));
		MockHttpServletResponse edited = edit(id, key, "書き直したコメント");
		assertThat(edited.getStatus()).isEqualTo(200);
		assertThat(json(edited).get("visible").asBoolean()).isTrue();

		Document page = page(this.path);
		assertThat(page.selectFirst("#comment-" + id + " .comment-body").text()).isEqualTo("書き直したコメント");
		assertThat(page.selectFirst("#comment-" + id + " .comment-edited").text()).isEqualTo("編集済み");
		CommentRow row = this.moderation.row(id);
		assertThat(row.body()).isEqualTo("書き直したコメント");
		assertThat(row.edits()).extracting(CommentRow.Edit::body).containsExactly("書き間違えたコメント");
		assertThat(row.edits().get(0).change()).isEqualTo(CommentEdit.Change.EDITED);

		this.clock.advance(Duration.ofMinutes(1));
		MockHttpServletResponse late = edit(id, key, "時間切れの書き直し");
		assertThat(late.getStatus()).isEqualTo(403);
		assertThat(json(late).get("message").asString()).isEqualTo("投稿から時間がたったため、このコメントはもう編集・削除できません。");
		assertThat(withdraw(id, key).getStatus()).isEqualTo(403);
		assertThat(body(id)).isEqualTo("書き直したコメント");
	}

	@Test
	void onlyTheKeyOfThatCommentOpensIt() throws Exception {
		JsonNode mine = postForScript("わたしのコメント", null);
		JsonNode theirs = postForScript("ほかの人のコメント", null);
		long id = mine.get("id").asLong();
		for (String key : List.of("", "x", mine.get("editKey").asString() + "x", theirs.get("editKey").asString(),
				"A".repeat(5000))) {
			MockHttpServletResponse refused = edit(id, key, "乗っ取り");
			assertThat(refused.getStatus()).as(key).isEqualTo(403);
			assertThat(json(refused).get("message").asString()).contains("権限がありません");
			assertThat(withdraw(id, key).getStatus()).isEqualTo(403);
		}
		MockHttpServletResponse noKey = this.mvc
			.perform(sent(post(this.path + "/comments/" + id + "/edit").param("body", "鍵なし")))
			.andReturn()
			.getResponse();
		assertThat(noKey.getStatus()).isEqualTo(403);
		MockHttpServletResponse foreign = this.mvc
			.perform(post(this.path + "/comments/" + id + "/edit").header("Origin", "https://evil.example")
				.param("key", mine.get("editKey").asString())
				.param("body", "よそのサイトから")
				.accept("application/json"))
			.andReturn()
			.getResponse();
		assertThat(foreign.getStatus()).isEqualTo(403);
		MockHttpServletResponse unknown = edit(999_999_999L, mine.get("editKey").asString(), "ない");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(body(id)).isEqualTo("わたしのコメント");
	}

	@Test
	void anEditPassesEveryCommentRuleAgain() throws Exception {
		JsonNode posted = postForScript("ふつうのコメント", null);
		long id = posted.get("id").asLong();
		String key = posted.get("editKey").asString();

		MockHttpServletResponse tooLong = edit(id, key, "長".repeat(301));
		assertThat(tooLong.getStatus()).isEqualTo(422);
		assertThat(json(tooLong).get("errors").get("body").asString()).isEqualTo("コメントは300文字以内で入力してください(現在301文字)。");
		assertThat(edit(id, key, "  ").getStatus()).isEqualTo(422);

		this.jdbc.update("UPDATE comment_rules SET banned_words = '禁句', suspect_words = '要確認'");
		MockHttpServletResponse banned = edit(id, key, "禁句を入れる");
		assertThat(banned.getStatus()).isEqualTo(422);
		assertThat(json(banned).get("errors").get("body").asString()).contains("禁句");
		assertThat(body(id)).isEqualTo("ふつうのコメント");
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM comment_edit WHERE comment_id = ?", Integer.class, id))
			.isZero();

		MockHttpServletResponse suspect = edit(id, key, "要確認の言葉に書き換える");
		assertThat(suspect.getStatus()).isEqualTo(200);
		assertThat(json(suspect).get("visible").asBoolean()).isFalse();
		assertThat(page(this.path).select("#comment-" + id)).isEmpty();
		assertThat(this.moderation.row(id).status()).isEqualTo(CommentStatus.PENDING);
	}

	@Test
	void editsCountAgainstTheClientsCommentLimit() throws Exception {
		JsonNode posted = postForScript("一回目", null);
		long id = posted.get("id").asLong();
		String key = posted.get("editKey").asString();
		for (int i = 2; i <= 5; i++) {
			assertThat(edit(id, key, i + "回目").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse limited = edit(id, key, "6回目");
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getHeader("Retry-After")).isNotBlank();
		assertThat(json(limited).get("message").asString()).contains("もう一度お試しください");
		assertThat(body(id)).isEqualTo("5回目");
	}

	@Test
	void theAuthorTakesACommentBackAndItsRepliesWithIt() throws Exception {
		JsonNode posted = postForScript("取り消すコメント", null);
		long id = posted.get("id").asLong();
		String key = posted.get("editKey").asString();
		this.client = Readers.newAddress();
		long reply = postForScript("それへの返信", String.valueOf(id)).get("id").asLong();
		assertThat(page(this.path).select("#comment-" + reply)).hasSize(1);

		MockHttpServletResponse withdrawn = withdraw(id, key);
		assertThat(withdrawn.getStatus()).isEqualTo(200);
		assertThat(json(withdrawn).get("message").asString()).isEqualTo("コメントを削除しました。");
		Document page = page(this.path);
		assertThat(page.select("#comment-" + id + ", #comment-" + reply)).isEmpty();
		assertThat(page.selectFirst("#comments-heading").text()).isEqualTo("コメント0");

		CommentRow row = this.moderation.row(id);
		assertThat(row.status()).isEqualTo(CommentStatus.WITHDRAWN);
		assertThat(row.canBeApproved()).isFalse();
		assertThat(row.edits()).extracting(CommentRow.Edit::change).containsExactly(CommentEdit.Change.WITHDRAWN);
		assertThatThrownBy(() -> this.moderation.moderate(id, ModerationAction.APPROVE, null))
			.isInstanceOf(ModerationRefusedException.class);
		MockHttpServletResponse again = withdraw(id, key);
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(edit(id, key, "生き返らせる").getStatus()).isEqualTo(409);
	}

	@Test
	void aCommentTheModeratorsTookDownCannotBeEditedBack() throws Exception {
		JsonNode posted = postForScript("非表示にされるコメント", null);
		long id = posted.get("id").asLong();
		this.moderation.moderate(id, ModerationAction.HIDE, null);
		MockHttpServletResponse refused = edit(id, posted.get("editKey").asString(), "戻して");
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(json(refused).get("message").asString()).contains("編集部が非表示にした");
		assertThat(this.moderation.row(id).status()).isEqualTo(CommentStatus.HIDDEN);
	}

	@Test
	void aRefusedPostForTheScriptSaysWhyByField() throws Exception {
		MockHttpServletResponse refused = this.mvc
			.perform(sent(post(this.path + "/comments").param("body", "").param("nickname", "名".repeat(21))))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		JsonNode errors = json(refused).get("errors");
		assertThat(errors.get("body").asString()).isEqualTo("コメントを入力してください。");
		assertThat(errors.get("nickname").asString()).isEqualTo("ニックネームは20文字以内で入力してください。");
		assertThat(json(refused).get("message").asString()).isEqualTo("コメントを入力してください。");
	}

	private JsonNode postForScript(String body, String replyTo) throws Exception {
		MockHttpServletRequestBuilder request = post(this.path + "/comments").param("body", body);
		if (replyTo != null) {
			request.param("replyTo", replyTo);
		}
		MockHttpServletResponse response = this.mvc.perform(sent(request)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		return json(response);
	}

	private MockHttpServletResponse edit(long id, String key, String body) throws Exception {
		return this.mvc
			.perform(sent(post(this.path + "/comments/" + id + "/edit").param("key", key).param("body", body)))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse withdraw(long id, String key) throws Exception {
		return this.mvc.perform(sent(post(this.path + "/comments/" + id + "/withdraw").param("key", key)))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletRequestBuilder sent(MockHttpServletRequestBuilder request) {
		String address = this.client;
		return request.header("Origin", "http://localhost:8080").accept("application/json").with(Readers.from(address));
	}

	private JsonNode json(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString());
	}

	private String body(long id) {
		return this.jdbc.queryForObject("SELECT body FROM article_comment WHERE id = ?", String.class, id);
	}

	private Document page(String path) throws Exception {
		return new PageFetcher(this.mvc).get(path);
	}

}
