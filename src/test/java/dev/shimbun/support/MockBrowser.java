package dev.shimbun.support;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * One browser on MockMvc: its session cookie (renewed whenever the session id changes, as
 * at sign-in), its address, and the last page it got. Every request carries a CSRF token.
 *
 * <pre class="code">
 * MockBrowser browser = new MockBrowser(mvc, "198.51.100.7");
 * browser.send(post("/admin/login").param("username", "hanako").param("password", secret));
 * browser.send(get("/admin/articles")).getResponse().getStatus();
 * </pre>
 */
public final class MockBrowser {

	private final MockMvc mvc;

	private final String address;

	private Cookie session;

	private String page = "";

	public MockBrowser(MockMvc mvc, String address) {
		this.mvc = mvc;
		this.address = address;
	}

	public MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
		request.with(csrf()).with((r) -> {
			r.setRemoteAddr(this.address);
			return r;
		});
		if (this.session != null) {
			request.cookie(this.session);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		Cookie renewed = result.getResponse().getCookie("SESSION");
		if (renewed != null) {
			this.session = renewed;
		}
		this.page = result.getResponse().getContentAsString();
		return result;
	}

	/** The body of the last response. */
	public String page() {
		return this.page;
	}

}
