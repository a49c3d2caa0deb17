package dev.shimbun.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MANAGEMENT_SERVER_PORT the endpoints move to their own port, with the same rules:
 * health for anyone, the rest for an ADMIN by HTTP Basic; the site's port has none of
 * them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "shimbun.scheduling.enabled=false",
				"shimbun.admin.username=port-admin", "shimbun.admin.password=separate-port-secret" })
class ManagementPortTests {

	@LocalServerPort
	private int sitePort;

	@LocalManagementPort
	private int managementPort;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void endpointsAnswerOnTheManagementPortUnderTheSameRules() throws Exception {
		assertThat(status(this.managementPort, "/actuator/health/readiness", null)).isEqualTo(200);
		assertThat(status(this.managementPort, "/actuator/prometheus", null)).isEqualTo(401);
		assertThat(status(this.managementPort, "/actuator/prometheus", "port-admin:separate-port-secret"))
			.isEqualTo(200);
	}

	@Test
	void theSitesPortHasNoEndpoints() throws Exception {
		assertThat(status(this.sitePort, "/actuator/health", null)).isEqualTo(404);
		assertThat(status(this.sitePort, "/actuator/prometheus", "port-admin:separate-port-secret")).isEqualTo(404);
	}

	@Test
	void theManagementPortHasNoPagesNotEvenThoseKeptInMemory() throws Exception {
		assertThat(status(this.sitePort, "/", null)).isEqualTo(200);
		assertThat(status(this.sitePort, "/", null)).isEqualTo(200);
		assertThat(status(this.managementPort, "/", null)).isEqualTo(404);
	}

	private int status(int port, String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
