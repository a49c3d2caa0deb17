package dev.shimbun.comment;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.ModerationTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site's comment rules, edited at /admin/comments/rules, apply to the next comment a
 * reader posts.
 */
@ModerationTest
@WithMockUser(username = "moderator", roles = "MODERATOR")
class CommentModerationRulesTests {

	static final String ARTICLE = "/articles/pig-kidney-transplant-ucla";

	private static final AtomicInteger clients = new AtomicInteger(1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private CommentRepository comments;

	@Autowired
	private AuditService audit;

	private Document page(String path) throws Exception {
		return new PageFetcher(this.mvc).get(path);
	}

	private HtmlForm rulesForm() throws Exception {
		return HtmlForm.of(page("/admin/comments/rules"), "form.comment-rules");
	}

	private void saveRules(String banned, String suspect, String maxLinks) throws Exception {
		this.mvc.perform(
				rulesForm().set("bannedWords", banned).set("suspectWords", suspect).set("maxLinks", maxLinks).submit())
			.andExpect(redirectedUrl("/admin/comments/rules"));
	}

	/** A reader's comment, from a page of the site, from an address of its own. */
	private MockHttpServletRequestBuilder comment(String body) {
		String address = "203.0.113." + clients.getAndIncrement();
		return post(ARTICLE + "/comments").header("Origin", "http://localhost:8080")
			.param("body", body)
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	@AfterEach
	void noRules() throws Exception {
		this.mvc
			.perform(rulesForm().set("bannedWords", "")
				.set("suspectWords", "")
				.set("maxLinks", "2")
				.set("defaultOrder", "NEWEST")
				.submit())
			.andExpect(redirectedUrl("/admin/comments/rules"));
	}

	@Test
	void anEditorChoosesTheOrderReadersSeeUnlessTheyChooseAnother() throws Exception {
		String first = this.mvc.perform(comment("先に書かれたコメント"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replaceAll(".*#", "");
		String second = this.mvc.perform(comment("後から書かれたコメント"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replaceAll(".*#", "");
		List<String> newestFirst = page(ARTICLE).select(".comment-list > li.comment").eachAttr("id");
		assertThat(newestFirst.indexOf(second)).isLessThan(newestFirst.indexOf(first));

		HtmlForm form = rulesForm();
		assertThat(page("/admin/comments/rules").select("#defaultOrder option").eachText()).containsExactly("新しい順",
				"古い順", "共感したの多い順", "返信の多い順");
		this.mvc.perform(form.set("defaultOrder", "OLDEST").submit()).andExpect(redirectedUrl("/admin/comments/rules"));
		// the cached page is dropped: readers see the new order at once
		Document page = page(ARTICLE);
		List<String> oldestFirst = page.select(".comment-list > li.comment").eachAttr("id");
		assertThat(oldestFirst.indexOf(first)).isLessThan(oldestFirst.indexOf(second));
		assertThat(page.select(".comment-order a[aria-current]").text()).isEqualTo("古い順");
		List<String> chosen = page(ARTICLE + "?corder=newest").select(".comment-list > li.comment").eachAttr("id");
		assertThat(chosen.indexOf(second)).isLessThan(chosen.indexOf(first));
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.COMMENT_RULES_CHANGED, null, null, null), 0)
			.getContent()
			.get(0)
			.detail()).endsWith("並び順の既定 古い順");

		MockHttpServletResponse refused = this.mvc.perform(rulesForm().set("defaultOrder", "RANDOM").submit())
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.getContentAsString()).getElementById("defaultOrder-error").text())
			.isEqualTo("並び順を一覧から選んでください。");
	}

	@Test
	void aBannedWordIsRefusedWithAClearMessage() throws Exception {
		saveRules("禁句\n  NGワード  \n\n禁句", "", "2");
		HtmlForm form = rulesForm();
		assertThat(form.get("bannedWords")).isEqualTo("禁句\nNGワード");
		long stored = this.comments.count();
		MvcResult result = this.mvc.perform(comment("これは禁句を含むコメントです"))
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.getElementById("comment-body-error").text()).contains("使用できない言葉", "禁句");
		this.mvc.perform(comment("全角のＮＧワードも同じ")).andExpect(status().isUnprocessableContent());
		assertThat(this.comments.count()).isEqualTo(stored);
		this.mvc.perform(comment("問題のないコメント")).andExpect(redirectedUrlPattern(ARTICLE + "?comment=posted#comment-*"));
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.COMMENT_RULES_CHANGED, null, null, null), 0)
			.getContent()).anySatisfy((entry) -> {
				assertThat(entry.actor()).isEqualTo("moderator");
				assertThat(entry.detail()).isEqualTo("禁止語 2語、要注意語 0語、リンクの上限 2件、並び順の既定 新しい順");
			});
	}

	@Test
	void aBannedWordHiddenByInvisibleCharactersOrWidthIsRefusedInTheBodyAndTheNickname() throws Exception {
		saveRules("spam\nガキ", "", "2");
		long stored = this.comments.count();
		for (String hidden : new String[] { "sp\u200Bam", "s\u00ADpam", "spa\u2060m", "\uFEFFsp\u180Eam", "sp\u200Eam",
				"ｓｐａｍ", "ＳＰ\u200BＡＭ", "ｶﾞｷ", "ガ\u200Dキ", "sp\uDB40\uDC41am", "s\uFE0Fpam" }) {
			this.mvc.perform(comment("これは" + hidden + "です")).andExpect(status().isUnprocessableContent());
			this.mvc.perform(comment("本文").param("nickname", hidden)).andExpect(status().isUnprocessableContent());
		}
		assertThat(this.comments.count()).isEqualTo(stored);
	}

	@Test
	void invisibleCharactersAreNotStoredButEmojiSequencesAre() throws Exception {
		this.mvc
			.perform(comment("見え\u200Bない\u2060文字 👨\u200D👩\u200D👧 🏳\uFE0F\u200D🌈").param("nickname", "読\u00AD者"))
			.andExpect(redirectedUrlPattern(ARTICLE + "?comment=posted*"));
		assertThat(this.comments.findAll()).anySatisfy((comment) -> {
			assertThat(comment.getBody()).isEqualTo("見えない文字 👨\u200D👩\u200D👧 🏳\uFE0F\u200D🌈");
			assertThat(comment.getNickname()).isEqualTo("読者");
		});
	}

	@Test
	void aSuspectWordSendsTheCommentToThePendingQueue() throws Exception {
		saveRules("", "要確認語", "2");
		MvcResult result = this.mvc.perform(comment("要確認語が入ったコメント"))
			.andExpect(redirectedUrl(ARTICLE + "?comment=pending#comments"))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("pending#comments");
		Document queue = page("/admin/comments?text=要確認語が入った");
		assertThat(queue.select("#moderation-form tbody tr")).hasSize(1);
		assertThat(queue.selectFirst("#moderation-form tbody tr").text()).contains("要注意語: 要確認語");
		assertThat(page(ARTICLE).select(".comment-body").eachText()).doesNotContain("要確認語が入ったコメント");
	}

	@Test
	void moreLinksThanTheLimitSendTheCommentToThePendingQueue() throws Exception {
		saveRules("", "", "1");
		this.mvc.perform(comment("参考 https://example.com/a"))
			.andExpect(redirectedUrlPattern(ARTICLE + "?comment=posted*"));
		this.mvc.perform(comment("参考 https://example.com/a と https://example.com/b"))
			.andExpect(redirectedUrl(ARTICLE + "?comment=pending#comments"));
		Document queue = page("/admin/comments?text=example.com/b");
		assertThat(queue.selectFirst("#moderation-form tbody tr").text()).contains("リンク2件");
	}

	@Test
	void invalidRulesAreRefusedNextToTheirFieldsWithTheTextKept() throws Exception {
		String tooMany = "語".repeat(4001);
		MvcResult result = this.mvc
			.perform(rulesForm().set("bannedWords", "残す語").set("suspectWords", tooMany).set("maxLinks", "51").submit())
			.andExpect(status().isUnprocessableContent())
			.andReturn();
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.getElementById("maxLinks-error").text()).isEqualTo("リンクの上限は50以下にしてください。");
		assertThat(page.getElementById("maxLinks").attr("aria-describedby")).contains("maxLinks-error");
		assertThat(page.getElementById("maxLinks").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("suspectWords-error").text()).isEqualTo("要注意語は合わせて4000文字以内にしてください。");
		assertThat(page.getElementById("bannedWords").text()).isEqualTo("残す語");
		assertThat(page.selectFirst(".error-summary").attr("role")).isEqualTo("alert");

		MvcResult notANumber = this.mvc.perform(rulesForm().set("maxLinks", "たくさん").submit()).andReturn();
		assertThat(Jsoup.parse(notANumber.getResponse().getContentAsString()).getElementById("maxLinks-error").text())
			.isEqualTo("リンクの上限は0から50までの数で入力してください。");
		assertThat(rulesForm().get("bannedWords")).isEmpty();
	}

	@Test
	void savingOverSomebodyElsesSaveIsAConflictThatKeepsTheTypedText() throws Exception {
		HtmlForm first = rulesForm();
		HtmlForm second = rulesForm();
		this.mvc.perform(first.set("bannedWords", "先の語").submit())
			.andExpect(flash().attribute("notice", "moderation.notice.rulesSaved"));
		MvcResult conflict = this.mvc.perform(second.set("bannedWords", "後の語").submit())
			.andExpect(status().isConflict())
			.andReturn();
		Document page = Jsoup.parse(conflict.getResponse().getContentAsString());
		assertThat(page.getElementById("conflict").text()).contains("ほかの人が先にルールを保存しました", "先の語");
		assertThat(page.getElementById("bannedWords").text()).isEqualTo("後の語");
		assertThat(rulesForm().get("bannedWords")).isEqualTo("先の語");
		// a second save, having seen the other one, replaces it
		this.mvc.perform(HtmlForm.of(page, "form.comment-rules").submit())
			.andExpect(redirectedUrl("/admin/comments/rules"));
		assertThat(rulesForm().get("bannedWords")).isEqualTo("後の語");
	}

}
