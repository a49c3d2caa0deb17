package dev.shimbun.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Without a configured password the first admin gets a generated one, logged once. The
 * first admin's configuration is what is tested, so it is set here rather than taken from
 * a shared test context.
 */
@SpringBootTest(properties = "shimbun.admin.username=first-editor-in-chief")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

	private static final Pattern GENERATED = Pattern
		.compile("first admin account 'first-editor-in-chief' with the generated password: ([A-Za-z0-9]{24})");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FirstAdminInitializer initializer;

	@Test
	void generatedPasswordIsLoggedOnceAndSignsIn(CapturedOutput output) throws Exception {
		Matcher matcher = GENERATED.matcher(output.getAll());
		assertThat(matcher.find()).as("generated password logged").isTrue();
		String password = matcher.group(1);
		assertThat(matcher.find()).as("logged only once").isFalse();
		this.mvc
			.perform(post("/admin/login").param("username", "first-editor-in-chief")
				.param("password", password)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin"));
		// a second run finds an account and creates none
		this.initializer.run(null);
		assertThat(GENERATED.matcher(output.getAll()).results().count()).isEqualTo(1);
	}

	@Test
	void generatedPasswordsAreLongAndDifferent() {
		String first = this.initializer.generatePassword();
		String second = this.initializer.generatePassword();
		assertThat(first).hasSize(24).isNotEqualTo(second);
	}

}
