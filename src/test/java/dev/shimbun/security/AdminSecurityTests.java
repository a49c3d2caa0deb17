package dev.shimbun.security;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shimbun.MutableClock;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.SiteTest;
import dev.shimbun.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin pages' security: which role may use which page (checked on every admin URL of
 * the handler mappings), signing in and out, locks after failures, CSRF, framing and
 * caching.
 */
@SiteTest
class AdminSecurityTests {

	/**
	 * The sections only an ADMIN may use: staff accounts, the audit log and backups. An
	 * EDITOR may use every other admin page.
	 */
	static final List<String> ADMIN_ONLY = List.of("/admin/users", "/admin/audit", "/admin/backups");

	/**
	 * The sections a MODERATOR may use, besides the dashboard: the comments, their own
	 * account, and the second step of a sign-in (which sends a full sign-in on).
	 */
	static final List<String> MODERATOR_SECTIONS = List.of("/admin/comments", "/admin/account", "/admin/login/code");

	/** An id that no row has. */
	private static final String NO_SUCH_ID = "987654321";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffUserDetailsService users;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AuditService audit;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	/**
	 * Every test starts after the failures of the tests before it have left the window.
	 */
	/**
	 * The accounts of the EDITOR and MODERATOR that sign in (their own pages read them).
	 */
	@BeforeEach
	void staffAccounts(@Autowired ApplicationContext context) {
		Staff.editor("editor").saveIfAbsent(context);
		Staff.moderator("moderator").saveIfAbsent(context);
	}

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
	void adminMayDoEverything() throws Exception {
		Cookie session = session();
		List<String> refused = new ArrayList<>();
		for (AdminRequest request : adminRequests()) {
			MockHttpServletResponse response = perform(request, user(SiteTest.ADMIN).roles("ADMIN"), session);
			if (isRefused(response) || response.getStatus() >= 500) {
				refused.add(request + " " + response.getStatus() + " " + response.getRedirectedUrl());
			}
		}
		assertThat(refused).as("admin requests refused to an ADMIN").isEmpty();
	}

	@Test
	void editorIsRefusedExactlyOnTheAdminOnlySections() throws Exception {
		Cookie session = session();
		List<String> wrong = new ArrayList<>();
		for (AdminRequest request : adminRequests()) {
			MockHttpServletResponse response = perform(request, user("editor").roles("EDITOR"), session);
			boolean expectRefusal = request.isIn(ADMIN_ONLY);
			if (expectRefusal ? response.getStatus() != 403 : isRefused(response)) {
				wrong.add(request + " " + response.getStatus() + " " + response.getRedirectedUrl());
			}
		}
		assertThat(wrong).as("admin requests an EDITOR got wrong (refusal expected under %s only)", ADMIN_ONLY)
			.isEmpty();
	}

	@Test
	void moderatorIsLetIntoTheDashboardAndTheCommentsOnly() throws Exception {
		Cookie session = session();
		List<String> wrong = new ArrayList<>();
		for (AdminRequest request : adminRequests()) {
			MockHttpServletResponse response = perform(request, user("moderator").roles("MODERATOR"), session);
			boolean expectRefusal = !request.isDashboard() && !request.isIn(MODERATOR_SECTIONS);
			if (expectRefusal ? response.getStatus() != 403 : isRefused(response)) {
				wrong.add(request + " " + response.getStatus() + " " + response.getRedirectedUrl());
			}
		}
		assertThat(wrong).as("admin requests a MODERATOR got wrong").isEmpty();
	}

	@Test
	void anonymousRequestsToEveryAdminUrlEndOnTheLoginPage() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (AdminRequest request : adminRequests()) {
			MockHttpServletResponse response = perform(request, (anonymous) -> anonymous, null);
			if (response.getStatus() != 302 || !"/admin/login".equals(response.getRedirectedUrl())) {
				wrong.add(request + " " + response.getStatus() + " " + response.getRedirectedUrl());
			}
		}
		assertThat(wrong).as("anonymous admin requests not sent to sign in").isEmpty();
	}

	/**
	 * A sign-in that must set up a second factor reaches enrolment (the page, the
	 * one-time code's set-up, adding a passkey) and is sent there from every other admin
	 * request.
	 */
	@Test
	void aSignInOwingEnrolmentReachesNothingButEnrolment() throws Exception {
		StaffPrincipal principal = (StaffPrincipal) this.users.loadUserByUsername("editor");
		List<String> enrolment = List.of(SignInSteps.ENROL_PAGE, "/admin/account/totp",
				"/admin/account/passkeys/options", "/admin/account/passkeys");
		assertOnlyReaches(SignInSteps.partial(principal, SignInSteps.ENROL, null), enrolment, SignInSteps.ENROL_PAGE);
	}

	/** A sign-in that owes its second factor reaches the code page and nothing else. */
	@Test
	void aSignInOwingItsSecondFactorReachesNothingButTheCodePage() throws Exception {
		StaffPrincipal principal = (StaffPrincipal) this.users.loadUserByUsername("editor");
		assertOnlyReaches(SignInSteps.partial(principal, SignInSteps.SECOND_FACTOR, null),
				List.of(SignInSteps.SECOND_FACTOR_PAGE), SignInSteps.SECOND_FACTOR_PAGE);
	}

	private void assertOnlyReaches(Authentication partial, List<String> allowed, String step) throws Exception {
		Cookie session = session();
		List<String> wrong = new ArrayList<>();
		for (AdminRequest request : adminRequests()) {
			MockHttpServletResponse response = perform(request, authentication(partial), session);
			boolean sentBack = response.getStatus() == 302 && step.equals(response.getRedirectedUrl());
			boolean reached = allowed.contains(request.pattern());
			if (reached ? (sentBack || isRefused(response)) : !sentBack) {
				wrong.add(request + " " + response.getStatus() + " " + response.getRedirectedUrl());
			}
		}
		assertThat(wrong).as("admin requests of a partial sign-in not sent back to %s", step).isEmpty();
	}

	@Test
	void theAdminRequestsAreFoundInTheHandlerMappings() {
		assertThat(adminRequests()).map(AdminRequest::toString)
			.contains("GET /admin", "GET /admin/audit", "GET /admin/users/1/edit", "POST /admin/users",
					"POST /admin/users/" + NO_SUCH_ID + "/password", "GET /admin/backups", "POST /admin/backups",
					"GET /admin/articles/1/edit", "POST /admin/articles/" + NO_SUCH_ID + "/delete",
					"POST /admin/comments/rules")
			.noneMatch((request) -> request.endsWith("/admin/login"));
	}

	/**
	 * Every GET page and every POST of the admin handlers, found in the handler mappings
	 * so that a new admin page is covered without naming it here. Path variables of a GET
	 * are 1 (the page of an existing row, or else a 404, which is no refusal either);
	 * those of a POST are an id that exists nowhere, so that no POST here changes
	 * anything.
	 */
	private List<AdminRequest> adminRequests() {
		List<AdminRequest> requests = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!(pattern.equals("/admin") || pattern.startsWith("/admin/")) || pattern.equals("/admin/login")) {
					continue;
				}
				for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST)) {
					if (methods.isEmpty() || methods.contains(method)) {
						requests.add(new AdminRequest(method, pattern, path(pattern, method)));
					}
				}
			}
		});
		requests.sort(Comparator.comparing(AdminRequest::toString));
		return requests;
	}

	private static String path(String pattern, RequestMethod method) {
		Matcher variable = PATH_VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String value = switch (variable.group(1)) {
				case "name" -> "shimbun-20000101-000000.zip";
				case "action" -> "approve";
				case "number" -> "1";
				default -> (method == RequestMethod.GET) ? "1" : NO_SUCH_ID;
			};
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString();
	}

	/**
	 * Sends the request in a session, as a browser that opened the sign-in page has (a
	 * long page cannot start a session once its first bytes are sent).
	 */
	private MockHttpServletResponse perform(AdminRequest request, RequestPostProcessor who, Cookie session)
			throws Exception {
		MockHttpServletRequestBuilder builder = (request.method() == RequestMethod.GET) ? get(request.path())
				: post(request.path()).with(csrf());
		if (session != null) {
			builder.cookie(session);
		}
		return this.mvc.perform(builder.with(who)).andReturn().getResponse();
	}

	private Cookie session() throws Exception {
		Cookie session = this.mvc.perform(get("/admin/login")).andReturn().getResponse().getCookie("SESSION");
		assertThat(session).as("session of the sign-in page").isNotNull();
		return session;
	}

	/** Refused by the security rules: 401, 403, or sent to sign in. */
	private static boolean isRefused(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return response.getStatus() == 401 || response.getStatus() == 403
				|| (location != null && location.startsWith("/admin/login"));
	}

	/** A request to an admin handler. */
	private record AdminRequest(RequestMethod method, String pattern, String path) {

		boolean isIn(List<String> sections) {
			return sections.stream()
				.anyMatch((section) -> this.pattern.equals(section) || this.pattern.startsWith(section + "/"));
		}

		boolean isDashboard() {
			return this.pattern.equals("/admin") || this.pattern.equals("/admin/");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

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
