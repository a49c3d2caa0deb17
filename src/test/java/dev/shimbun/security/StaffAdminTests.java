package dev.shimbun.security;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.support.StaffTest;
import dev.shimbun.web.PageFetcher;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@StaffTest
@WithMockUser(username = StaffTest.ADMIN, roles = "ADMIN")
class StaffAdminTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StaffService staff;

	@Autowired
	private AuditService audit;

	@Test
	void adminCreatesAnEditorWhoCanSignIn() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(csrf())
				.param("username", "hanako")
				.param("displayName", "山田花子")
				.param("role", "EDITOR")
				.param("password", "  spaces kept  "))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("notice", "staff.notice.created"));
		assertThat(this.staff.all()).extracting(StaffView::username).contains("hanako");
		this.mvc
			.perform(post("/admin/login").param("username", "hanako").param("password", "  spaces kept  ").with(csrf()))
			.andExpect(redirectedUrl("/admin"));
		Document list = new PageFetcher(this.mvc).get("/admin/users");
		assertThat(list.select("td").eachText()).contains("山田花子", "編集者(記事・リスト・メディア・コメント)");
		Document audit = new PageFetcher(this.mvc).get("/admin/audit?action=USER_CREATED");
		assertThat(audit.select("tbody tr").text()).contains("boss", "hanako (EDITOR)");
	}

	@Test
	void invalidFormKeepsWhatWasTypedAndSaysWhatIsWrong() throws Exception {
		String html = this.mvc
			.perform(post("/admin/users").with(csrf())
				.param("username", "bad name!")
				.param("displayName", "")
				.param("role", "EDITOR")
				.param("password", "short"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = org.jsoup.Jsoup.parse(html);
		assertThat(page.getElementById("username").val()).isEqualTo("bad name!");
		assertThat(page.getElementById("username").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("username").attr("aria-describedby")).contains("username-error");
		assertThat(page.getElementById("username-error").text()).isEqualTo("ユーザー名には半角英数字と . _ - だけが使えます。");
		assertThat(page.getElementById("displayName-error").text()).isEqualTo("表示名を入力してください。");
		assertThat(page.getElementById("password-error").text()).isEqualTo("パスワードは12文字以上で入力してください。");
		assertThat(this.staff.all()).extracting(StaffView::username).doesNotContain("bad name!");
	}

	@Test
	void usernamesAreUnique() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(csrf())
				.param("username", "boss")
				.param("displayName", "別人")
				.param("role", "EDITOR")
				.param("password", "another-long-secret"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("このユーザー名はすでに使われています。")));
	}

	@Test
	void theLastAdminCannotBeDemotedOrDisabled() throws Exception {
		StaffView boss = this.staff.all().stream().filter((u) -> u.username().equals("boss")).findFirst().orElseThrow();
		this.mvc
			.perform(post("/admin/users/{id}", boss.id()).with(csrf())
				.param("displayName", "ボス")
				.param("role", "EDITOR")
				.param("enabled", "true")
				.param("version", String.valueOf(boss.version())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("有効な管理者が一人もいなくなるため、変更できません。")));
		assertThat(this.staff.get(boss.id()).role()).isEqualTo(StaffRole.ADMIN);
	}

	@Test
	void changesAreAuditedWithTheRoleAndWhetherTheAccountIsDisabled() throws Exception {
		StaffCreateForm form = new StaffCreateForm();
		form.setUsername("kenji");
		form.setDisplayName("健二");
		form.setRole(StaffRole.MODERATOR);
		form.setPassword("a-long-enough-secret");
		StaffView kenji = this.staff.create(form);
		this.mvc
			.perform(post("/admin/users/{id}", kenji.id()).with(csrf())
				.param("displayName", "健二")
				.param("role", "EDITOR")
				.param("version", String.valueOf(kenji.version())))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc
			.perform(post("/admin/users/{id}", kenji.id()).with(csrf())
				.param("displayName", "健二")
				.param("role", "MODERATOR")
				.param("enabled", "true")
				.param("version", String.valueOf(this.staff.get(kenji.id()).version())))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(this.audit.search(new AuditFilter("boss", AuditAction.USER_CHANGED, "user", null, null), 0))
			.extracting(AuditEntry::detail)
			.contains("kenji: EDITOR (無効)", "kenji: MODERATOR");
		assertThat(this.audit.search(new AuditFilter("boss", AuditAction.USER_CREATED, "user", null, null), 0))
			.extracting(AuditEntry::detail)
			.contains("kenji (MODERATOR)");
	}

	@Test
	void staleFormGetsTheConflictPage() throws Exception {
		StaffView boss = this.staff.all().stream().filter((u) -> u.username().equals("boss")).findFirst().orElseThrow();
		this.mvc
			.perform(post("/admin/users/{id}", boss.id()).with(csrf())
				.param("displayName", "古い版")
				.param("role", "ADMIN")
				.param("enabled", "true")
				.param("version", String.valueOf(boss.version() - 1)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("他の人が先に保存しました")));
	}

	@Test
	void unknownUserIsNotFound() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/users/999/edit"))
			.andExpect(status().isNotFound());
	}

}
