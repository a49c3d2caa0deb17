package dev.shimbun.observability;

import jakarta.servlet.http.Cookie;

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
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The management endpoints: health and its probes for anyone, without details; the rest
 * for an ADMIN staff account by HTTP Basic, as a Prometheus scraper signs in.
 */
@SiteTest
class ManagementEndpointsTests {

	private static final String PASSWORD = "scrape-with-basic-auth";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private AuditService audit;

	@BeforeEach
	void staffAccounts() {
		Staff.admin("metrics-admin").password(PASSWORD).saveIfAbsent(this.context);
		Staff.moderator("metrics-moderator").password(PASSWORD).saveIfAbsent(this.context);
	}

	private static RequestPostProcessor admin() {
		return httpBasic("metrics-admin", PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void healthAndProbesAnswerAnyoneWithTheStatusOnly(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist())
			.andExpect(jsonPath("$.details").doesNotExist());
	}

	@Test
	void readinessIncludesTheDatabase() throws Exception {
		this.mvc.perform(get("/actuator/health/readiness").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.database.status").value("UP"))
			.andExpect(jsonPath("$.components.readinessState.status").value("UP"))
			.andExpect(jsonPath("$.components.livenessState").doesNotExist());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/info" })
	void otherEndpointsAskAnonymousCallersForBasicCredentials(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
	}

	@Test
	void wrongPasswordIsUnauthorized() throws Exception {
		this.mvc.perform(
				get("/actuator/prometheus").with(httpBasic("metrics-admin", "not-the-password")).with((request) -> {
					request.setRemoteAddr("203.0.113.40");
					return request;
				}))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void staffBelowAdminIsForbidden() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("metrics-moderator", PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminScrapesPrometheusWithoutASessionOrAnAuditLine() throws Exception {
		// timed by the page cache (rendered, then served from memory) and by Spring
		this.mvc.perform(get("/"));
		this.mvc.perform(get("/"));
		this.mvc.perform(get("/search").queryParam("q", "あくび"));
		long signIns = signInsOf("metrics-admin");
		MvcResult result = this.mvc.perform(get("/actuator/prometheus").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http_server_requests_seconds_bucket{")))
			.andExpect(content().string(containsString("uri=\"/\"")))
			.andExpect(content().string(containsString("uri=\"/search\"")))
			.andExpect(content().string(containsString("application=\"shimbun\"")))
			.andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
		assertThat(signInsOf("metrics-admin")).isEqualTo(signIns);
	}

	@Test
	void anAdminsSignedInSessionDoesNotOpenTheEndpoints() throws Exception {
		MvcResult signIn = this.mvc
			.perform(post("/admin/login").param("username", "metrics-admin").param("password", PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		Cookie session = signIn.getResponse().getCookie("SESSION");
		this.mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdminReadsMetricsAndInfo() throws Exception {
		this.mvc.perform(get("/actuator/metrics").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.names").isArray());
		this.mvc.perform(get("/actuator/metrics/http.server.requests").with(admin())).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/info").with(admin())).andExpect(status().isOk());
	}

	private long signInsOf(String username) {
		return this.audit.search(new AuditFilter(username, AuditAction.SIGN_IN, null, null, null), 0)
			.getTotalElements();
	}

}
