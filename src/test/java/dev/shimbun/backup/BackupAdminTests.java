package dev.shimbun.backup;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The backup page: administrators only, a backup taken and downloaded. */
@SpringBootTest(properties = "shimbun.scheduling.enabled=false")
@AutoConfigureMockMvc
class BackupAdminTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void fileDatabase(DynamicPropertyRegistry registry) {
		registry.add("shimbun.data-dir", () -> dataDir.toString());
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("shimbun"));
	}

	@Autowired
	private MockMvc mvc;

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/backups")).andExpect(redirectedUrl("/admin/login"));
	}

	@Test
	@WithMockUser(roles = "EDITOR")
	void editorsMayNeitherSeeNorTakeNorDownloadBackups() throws Exception {
		this.mvc.perform(get("/admin/backups")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/backups").with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/backups/shimbun-20250610-033000.zip")).andExpect(status().isForbidden());
		String dashboard = this.mvc.perform(get("/admin")).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(dashboard).select("#admin-menu a[href=/admin/backups]")).isEmpty();
	}

	@Test
	@WithMockUser(username = "chief", roles = "ADMIN")
	void anAdministratorTakesABackupAndDownloadsIt() throws Exception {
		Document before = page();
		assertThat(before.select("#admin-menu a[href=/admin/backups]")).hasSize(1);
		assertThat(before.getElementById("create-backup")).isNotNull();
		assertThat(before.text()).contains(dataDir.resolve("backups").toString(), "最新の7件を残して", "定期バックアップは設定されていません");

		this.mvc.perform(post("/admin/backups").with(csrf()))
			.andExpect(redirectedUrl("/admin/backups"))
			.andExpect(flash().attribute("notice", "backups.notice.created"));

		Document after = page();
		String name = after.selectFirst("#backups tbody a").text();
		Path archive = dataDir.resolve("backups").resolve(name);
		MockHttpServletResponse download = this.mvc.perform(get("/admin/backups/" + name))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(download.getContentType()).isEqualTo("application/zip");
		assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"" + name + "\"");
		assertThat(download.getContentAsByteArray()).isEqualTo(Files.readAllBytes(archive));

		this.mvc.perform(get("/admin/backups/shimbun-19990101-000000.zip")).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/backups/shimbun.mv.db")).andExpect(status().isNotFound());
	}

	private Document page() throws Exception {
		return Jsoup.parse(this.mvc.perform(get("/admin/backups"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
