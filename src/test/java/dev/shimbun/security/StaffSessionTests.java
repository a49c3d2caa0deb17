package dev.shimbun.security;

import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shimbun.support.Staff;
import dev.shimbun.support.StaffTest;
import dev.shimbun.web.HtmlForm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions in the session store (Spring Session JDBC, as in production, through the
 * SESSION cookie): an ADMIN's change to an account ends the sessions it already had.
 */
@StaffTest
class StaffSessionTests {

	private static final String EDITOR_PASSWORD = "editor-password-1234";

	private static final AtomicInteger names = new AtomicInteger();

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffService staff;

	@Autowired
	private ApplicationContext context;

	private Cookie admin;

	private String editor;

	private Cookie editorSession;

	@BeforeEach
	void adminAndASignedInEditor() throws Exception {
		this.admin = signIn("boss", "harbor-ledger-1234");
		this.editor = "editor" + names.incrementAndGet();
		Staff.editor(this.editor).displayName("編集者").password(EDITOR_PASSWORD).save(this.context);
		this.editorSession = signIn(this.editor, EDITOR_PASSWORD);
		assertThat(saveHeadline(this.editorSession, "サインイン直後の見出し")).isEqualTo("saved");
		assertThat(headlineOnEditPage()).isEqualTo("サインイン直後の見出し");
	}

	@AfterEach
	void restoreTheAdminPassword() {
		this.staff.resetPassword(bossId(), "harbor-ledger-1234");
	}

	@Test
	void disablingAnEditorEndsTheSessionTheyHad() throws Exception {
		changeEditor("編集者", "EDITOR", false);
		assertSessionEnded("サインイン直後の見出し");
	}

	@Test
	void renamingAnEditorKeepsTheirSessionButDemotingThemToModeratorEndsIt() throws Exception {
		changeEditor("改名した編集者", "EDITOR", true);
		assertThat(saveHeadline(this.editorSession, "改名後も保存できる")).isEqualTo("saved");
		assertThat(headlineOnEditPage()).isEqualTo("改名後も保存できる");
		changeEditor("改名した編集者", "MODERATOR", true);
		assertSessionEnded("改名後も保存できる");
	}

	@Test
	void resettingAnEditorsPasswordEndsTheSessionTheyHad() throws Exception {
		this.mvc
			.perform(post("/admin/users/{id}/password", editorId()).cookie(this.admin)
				.with(csrf())
				.param("password", "a-brand-new-password"))
			.andExpect(redirectedUrl("/admin/users"));
		assertSessionEnded("サインイン直後の見出し");
		assertThat(signInStatus(this.editor, EDITOR_PASSWORD)).isEqualTo("/admin/login?error");
		assertThat(signInStatus(this.editor, "a-brand-new-password")).isEqualTo("/admin");
	}

	@Test
	void anAdminResettingTheirOwnPasswordStaysSignedInAndEndsTheirOtherSessions() throws Exception {
		Cookie other = signIn("boss", "harbor-ledger-1234");
		Long boss = bossId();
		MvcResult reset = this.mvc
			.perform(post("/admin/users/{id}/password", boss).cookie(this.admin)
				.with(csrf())
				.param("password", "harbor-ledger-5678"))
			.andExpect(redirectedUrl("/admin/users"))
			.andReturn();
		// the session id changes; the session goes on
		Cookie current = reset.getResponse().getCookie("SESSION");
		assertThat(current).isNotNull();
		assertThat(current.getValue()).isNotEqualTo(this.admin.getValue());
		this.mvc.perform(get("/admin/users").cookie(current)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").cookie(other)).andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(get("/admin/users").cookie(this.admin)).andExpect(redirectedUrl("/admin/login"));
	}

	private void changeEditor(String displayName, String role, boolean enabled) throws Exception {
		StaffView before = this.staff.get(editorId());
		this.mvc
			.perform(post("/admin/users/{id}", before.id()).cookie(this.admin)
				.with(csrf())
				.param("displayName", displayName)
				.param("role", role)
				.param("enabled", String.valueOf(enabled))
				.param("version", String.valueOf(before.version())))
			.andExpect(redirectedUrl("/admin/users"));
	}

	/** The old session neither opens the editor nor saves an article. */
	private void assertSessionEnded(String lastSavedHeadline) throws Exception {
		this.mvc.perform(get("/admin/articles").cookie(this.editorSession)).andExpect(redirectedUrl("/admin/login"));
		assertThat(saveHeadline(this.editorSession, "終わったセッションからの見出し")).isIn("sign-in", "forbidden");
		assertThat(headlineOnEditPage()).isEqualTo(lastSavedHeadline);
	}

	/**
	 * Saves the first article's headline with a session: "saved", "sign-in" (sent to the
	 * sign-in page) or "forbidden".
	 */
	private String saveHeadline(Cookie session, String headline) throws Exception {
		HtmlForm form = HtmlForm.of(page(editPath(), this.admin), "form.article-editor");
		form.set("headline", headline);
		MvcResult result = this.mvc.perform(form.submit("action", "save").cookie(session)).andReturn();
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		if (status == 302 && editPath().equals(location)) {
			return "saved";
		}
		if (status == 302 && "/admin/login".equals(location)) {
			return "sign-in";
		}
		return (status == 403) ? "forbidden" : status + " " + location;
	}

	private String headlineOnEditPage() throws Exception {
		return page(editPath(), this.admin).getElementById("headline").val();
	}

	private String editPath() throws Exception {
		return page("/admin/articles", this.admin).selectFirst("tbody a[href$=/edit]").attr("href");
	}

	private Document page(String path, Cookie session) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private Long bossId() {
		return this.staff.all().stream().filter((u) -> u.username().equals("boss")).findFirst().orElseThrow().id();
	}

	private Long editorId() {
		return this.staff.all().stream().filter((u) -> u.username().equals(this.editor)).findFirst().orElseThrow().id();
	}

	private Cookie signIn(String username, String password) throws Exception {
		MvcResult result = this.mvc.perform(
				post("/admin/login").param("username", username).param("password", password).with(csrf()).with(from()))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		return session;
	}

	private String signInStatus(String username, String password) throws Exception {
		return this.mvc.perform(
				post("/admin/login").param("username", username).param("password", password).with(csrf()).with(from()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private static RequestPostProcessor from() {
		String address = "198.51.100." + addresses.incrementAndGet();
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
