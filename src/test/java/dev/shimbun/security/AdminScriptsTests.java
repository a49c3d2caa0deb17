package dev.shimbun.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import dev.shimbun.support.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The editor's modules: every one the import map names is served from its WebJar, and the
 * staff pages' policy allows the inline import map by its hash and nothing else inline.
 */
@SiteTest
@WithMockUser(username = "editor", roles = "EDITOR")
class AdminScriptsTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void everyModuleOfTheImportMapIsServedAndCachedForAYear() throws Exception {
		assertThat(AdminScripts.MODULES).isNotEmpty();
		for (String path : AdminScripts.MODULES.values()) {
			MvcResult module = this.mvc.perform(get(path)).andReturn();
			assertThat(module.getResponse().getStatus()).as(path).isEqualTo(200);
			assertThat(module.getResponse().getContentType()).as(path).startsWith("text/javascript");
			assertThat(module.getResponse().getHeader("Cache-Control")).contains("max-age=31536000", "immutable");
		}
		assertThat(this.mvc.perform(get("/webjars/prosemirror-view/1.41.5/style/prosemirror.css"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void theEditorsInlineImportMapIsTheOnlyInlineScriptThePolicyAllows() throws Exception {
		MvcResult page = this.mvc.perform(get("/admin/articles/new")).andReturn();
		Document html = Jsoup.parse(page.getResponse().getContentAsString());
		String map = html.selectFirst("script[type=importmap]").data();
		String hash = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(map.getBytes(StandardCharsets.UTF_8)));
		String policy = page.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "';");
		assertThat(policy).doesNotContain("unsafe-inline");
		assertThat(html.select("script:not([src]):not([type=importmap]):not([type=application/ld+json])")).isEmpty();
	}

}
