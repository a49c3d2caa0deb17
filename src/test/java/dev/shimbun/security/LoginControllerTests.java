package dev.shimbun.security;

import java.time.Instant;

import dev.shimbun.support.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The sign-in page's controller on its own: which message follows a failed sign-in, read
 * once from the session.
 */
@WebSliceTest(LoginController.class)
class LoginControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void loginWhenNoErrorThenTheFormWithoutAMessage() throws Exception {
		this.mvc.perform(get("/admin/login"))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/login"))
			.andExpect(model().attributeDoesNotExist("errorKey", "retryAt"));
	}

	@Test
	void loginWhenLockedThenTheTimeToTryAgainInTheSitesZone() throws Exception {
		MockHttpSession session = sessionAfter(new SignInLockedException(Instant.parse("2026-01-15T03:15:00Z")));
		this.mvc.perform(get("/admin/login").param("error", "").session(session))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/login"))
			.andExpect(model().attribute("errorKey", "login.error.locked"))
			.andExpect(model().attribute("retryAt", "12:15"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("12:15 以降にもう一度お試しください")));
		assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).as("read once").isNull();
	}

	@Test
	void loginWhenBusyThenTheBusyMessage() throws Exception {
		this.mvc.perform(get("/admin/login").param("error", "").session(sessionAfter(new SignInBusyException())))
			.andExpect(model().attribute("errorKey", "login.error.busy"))
			.andExpect(model().attributeDoesNotExist("retryAt"));
	}

	@Test
	void loginWhenWrongPasswordDisabledAccountOrNothingKnownThenTheSameMessage() throws Exception {
		for (MockHttpSession session : new MockHttpSession[] { sessionAfter(new BadCredentialsException("x")),
				sessionAfter(new DisabledException("x")), new MockHttpSession() }) {
			this.mvc.perform(get("/admin/login").param("error", "").session(session))
				.andExpect(status().isOk())
				.andExpect(model().attribute("errorKey", "login.error.credentials"))
				.andExpect(model().attributeDoesNotExist("retryAt"));
		}
	}

	private static MockHttpSession sessionAfter(Exception failure) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
		return session;
	}

}
