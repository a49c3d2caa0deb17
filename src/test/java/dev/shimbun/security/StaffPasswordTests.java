package dev.shimbun.security;

import dev.shimbun.FieldRuleException;
import dev.shimbun.support.StaffTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * bcrypt reads at most 72 bytes of a password: a longer one (in UTF-8, so 25 kana or
 * kanji) is refused with the form and a 422, never cut short or answered with a 500.
 */
@StaffTest
@WithMockUser(username = StaffTest.ADMIN, roles = "ADMIN")
class StaffPasswordTests {

	private static final String TOO_LONG = "パスワードが長すぎます。UTF-8で72バイト以内にしてください(半角英数字は1文字1バイト、かな・漢字は1文字3バイトです)。";

	/** 24 kana: 72 bytes, the most there may be. */
	private static final String LONGEST_JAPANESE = "あいうえおかきくけこさしすせそたちつてとなにぬね";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffService staff;

	@ParameterizedTest
	@ValueSource(strings = { "しんぶんのへんしゅうぶのひみつのあいことばはやまとさくら", // 28 kana, 84 bytes
			"あいうえおかきくけこさしすせそたちつてとなにぬねの", // 25 kana, 75 bytes
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé", // 71
																						// +
																						// 2
			"パスワード🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑" }) // the last: 15 + 15 × 4 bytes
	void aPasswordOver72BytesIsRefusedWithTheFormAnd422(String password) throws Exception {
		String html = this.mvc
			.perform(post("/admin/users").with(csrf())
				.param("username", "longpass")
				.param("displayName", "長いパスワード")
				.param("role", "EDITOR")
				.param("password", password))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.getElementById("password-error").text()).isEqualTo(TOO_LONG);
		assertThat(page.getElementById("username").val()).isEqualTo("longpass");
		// the typed password is never written back into the page
		assertThat(page.getElementById("password").val()).isEmpty();
		assertThat(html).doesNotContain(password);
		assertThat(this.staff.all()).extracting(StaffView::username).doesNotContain("longpass");
	}

	@Test
	void a72BytePasswordIsTakenAndSignsInButNotWithMoreAfterIt() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(csrf())
				.param("username", "kana72")
				.param("displayName", "72バイト")
				.param("role", "EDITOR")
				.param("password", LONGEST_JAPANESE))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc.perform(signIn("kana72", LONGEST_JAPANESE).with(from("192.0.2.72")))
			.andExpect(redirectedUrl("/admin"));
		// bcrypt would read only the first 72 bytes: the same with more after it is wrong
		this.mvc.perform(signIn("kana72", LONGEST_JAPANESE + "の").with(from("192.0.2.73")))
			.andExpect(redirectedUrl("/admin/login?error"));
		this.mvc.perform(signIn("kana72", LONGEST_JAPANESE + "x").with(from("192.0.2.74")))
			.andExpect(redirectedUrl("/admin/login?error"));
	}

	@Test
	void resettingToAPasswordOver72BytesIsRefusedAndTheOldOneStillSignsIn() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(csrf())
				.param("username", "resetme")
				.param("displayName", "再設定")
				.param("role", "EDITOR")
				.param("password", "the-old-password"))
			.andExpect(redirectedUrl("/admin/users"));
		Long id = this.staff.all()
			.stream()
			.filter((u) -> u.username().equals("resetme"))
			.findFirst()
			.orElseThrow()
			.id();
		String html = this.mvc
			.perform(post("/admin/users/{id}/password", id).with(csrf())
				.param("password", "にほんごのとてもながいパスワードをさんじゅうもじいれてみました"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).getElementById("password-error").text()).isEqualTo(TOO_LONG);
		this.mvc.perform(signIn("resetme", "the-old-password").with(from("192.0.2.80")))
			.andExpect(redirectedUrl("/admin"));
	}

	@Test
	void theServiceRefusesAPasswordOver72BytesItself() {
		StaffCreateForm form = new StaffCreateForm();
		form.setUsername("direct");
		form.setDisplayName("直接");
		form.setRole(StaffRole.EDITOR);
		form.setPassword("な".repeat(25));
		assertThatExceptionOfType(FieldRuleException.class).isThrownBy(() -> this.staff.create(form))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("staff.error.passwordTooLong"));
		assertThat(this.staff.all()).extracting(StaffView::username).doesNotContain("direct");
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password) {
		return post("/admin/login").param("username", username).param("password", password).with(csrf());
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
