package dev.shimbun.security;

import jakarta.servlet.http.Cookie;
import java.time.Duration;

import dev.shimbun.MutableClock;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SiteTest
class AdminSecurityTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AuditService audit;

	/**
	 * Every test starts after the failures of the tests before it have left the window.
	 */
	@BeforeEach
	void leaveEarlierFailuresBehind() {
		this.clock.advance(Duration.ofHours(1));
		this.clock.set(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin", "/admin/users", "/admin/users/new", "/admin/audit", "/admin/articles" })
	void anonymousRequestsEndOnTheLoginPage(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/admin/login"));
	}

	@Test
	void publicPagesStayPublicWithoutSessionOrCacheBusting() throws Exception {
		MvcResult result = this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader("Cache-Control")).startsWith("public, max-age=");
		assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
	}

	@Test
	@WithMockUser(roles = "MODERATOR")
	void moderatorMayNotEditArticlesOrUsers() throws Exception {
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
		this.mvc.perform(get("/admin/articles")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/audit")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "EDITOR")
	void editorMayNotManageUsersOrReadTheAuditLog() throws Exception {
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/audit")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users").with(csrf()).param("username", "x")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void adminMayDoEverything() throws Exception {
		this.mvc.perform(get("/admin/users")).andExpect(status().isOk());
		this.mvc.perform(get("/admin/audit")).andExpect(status().isOk());
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void postWithoutCsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/admin/users").param("username", "mallory")).andExpect(status().isForbidden());
	}

	@Test
	void adminPagesCannotBeFramedOrCached() throws Exception {
		this.mvc.perform(get("/admin/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void signInWithTheConfiguredFirstAdminThenSignOut() throws Exception {
		MvcResult result = this.mvc.perform(signIn("chief", "correct-horse-battery"))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		this.mvc.perform(get("/admin").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chief でサインイン中")));
		this.mvc.perform(post("/admin/logout").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/admin/login?signedOut"));
		this.mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrl("/admin/login"));
	}

	@Test
	void signInsFailedOrNotAreAudited() throws Exception {
		this.mvc.perform(signIn("chief", "wrong").with(from("192.0.2.200")));
		this.mvc.perform(signIn("chief", "correct-horse-battery").with(from("192.0.2.201")));
		assertThat(this.audit.search(new AuditFilter("chief", AuditAction.SIGN_IN_FAILED, null, null, null), 0))
			.anySatisfy((entry) -> assertThat(entry.targetId()).isEqualTo("192.0.2.200"));
		assertThat(this.audit.search(new AuditFilter("chief", AuditAction.SIGN_IN, null, null, null), 0))
			.anySatisfy((entry) -> assertThat(entry.targetId()).isEqualTo("192.0.2.201"));
	}

	@Test
	void noDefaultPasswordWorks() throws Exception {
		for (String password : new String[] { "admin", "password", "chief", "" }) {
			this.mvc.perform(signIn("chief", password)).andExpect(redirectedUrl("/admin/login?error"));
		}
	}

	@Test
	void fiveFailuresForAnAccountLockItEvenFromOtherAddressesUntilTheWindowPasses() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(signIn("chief", "wrong-" + i).with(from("192.0.2." + i)))
				.andExpect(redirectedUrl("/admin/login?error"));
		}
		MvcResult locked = this.mvc.perform(signIn("chief", "correct-horse-battery").with(from("192.0.2.99")))
			.andExpect(redirectedUrl("/admin/login?error"))
			.andReturn();
		Cookie session = locked.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String retryAt = java.time.format.DateTimeFormatter.ofPattern("H:mm")
			.format(this.clock.instant().plus(Duration.ofMinutes(15)).atZone(java.time.ZoneId.of("Asia/Tokyo")));
		this.mvc.perform(get("/admin/login").param("error", "").cookie(session))
			.andExpect(content().string(containsString("しばらくサインインできません。" + retryAt + " 以降にもう一度お試しください。")));
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		this.mvc.perform(signIn("chief", "correct-horse-battery").with(from("192.0.2.99")))
			.andExpect(redirectedUrl("/admin"));
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

	@Test
	void failuresFromOneAddressLockEvenTheRightPasswordUntilTheyExpire() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(signIn("guess" + i, "wrong").with(from("203.0.113.9")))
				.andExpect(redirectedUrl("/admin/login?error"));
		}
		this.mvc.perform(signIn("chief", "correct-horse-battery").with(from("203.0.113.9")))
			.andExpect(redirectedUrl("/admin/login?error"));
		// another address is not affected
		this.mvc.perform(signIn("chief", "correct-horse-battery").with(from("198.51.100.7")))
			.andExpect(redirectedUrl("/admin"));
		this.clock.advance(Duration.ofMinutes(16));
		this.mvc.perform(signIn("chief", "correct-horse-battery").with(from("203.0.113.9")))
			.andExpect(redirectedUrl("/admin"));
	}

}
