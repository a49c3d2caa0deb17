package dev.shimbun.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.shimbun.support.OwnContext;
import dev.shimbun.support.ServerTest;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * With {@code server.forward-headers-strategy=native} (as behind the nginx of
 * compose.yaml), the client's address and scheme come from {@code X-Forwarded-*} headers
 * only when a proxy on a private or loopback address sent them: a client on the internet
 * cannot choose the address its comments and sign-in failures are counted under.
 */
@ServerTest
@OwnContext
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ForwardedHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void aProxyOnLoopbackIsBelieved() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/test/client"))
				.header("X-Forwarded-For", "203.0.113.9")
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("203.0.113.9 https");
	}

	@Test
	void onlyTheInternalProxyCustomizerReadsTheHeaders() {
		JettyWebServer server = (JettyWebServer) this.context.getWebServer();
		for (Connector connector : server.getServer().getConnectors()) {
			HttpConfiguration configuration = connector.getConnectionFactory(HttpConfiguration.ConnectionFactory.class)
				.getHttpConfiguration();
			assertThat(configuration.getCustomizers()).filteredOn(ForwardedRequestCustomizer.class::isInstance)
				.singleElement()
				.isInstanceOf(InternalProxyForwardedCustomizer.class);
		}
	}

	@Test
	void aClientOnTheInternetIsNotBelieved() throws Exception {
		Request request = mock(Request.class, Answers.RETURNS_DEEP_STUBS);
		when(request.getConnectionMetaData().getRemoteSocketAddress())
			.thenReturn(new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 40000));
		assertThat(new InternalProxyForwardedCustomizer().customize(request, HttpFields.build())).isSameAs(request);
	}

	@Test
	void privateAndLoopbackAddressesAreInternal() throws Exception {
		for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
				"169.254.0.5", "100.64.0.1", "100.127.255.255", "::1", "fe80::1", "fd12:3456::1")) {
			assertThat(InternalProxyForwardedCustomizer.isInternal(InetAddress.getByName(internal))).as(internal)
				.isTrue();
		}
		for (String external : List.of("203.0.113.9", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
				"2001:db8::1", "11.0.0.1")) {
			assertThat(InternalProxyForwardedCustomizer.isInternal(InetAddress.getByName(external))).as(external)
				.isFalse();
		}
	}

	@TestConfiguration
	@RestController
	static class ClientController {

		@GetMapping("/test/client")
		String client(HttpServletRequest request) {
			return request.getRemoteAddr() + " " + request.getScheme();
		}

	}

}
