package dev.shimbun.web;

import java.util.Locale;

import org.eclipse.jetty.ee11.webapp.AbstractConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The web server as the site needs it, applied after Spring Boot's own settings:
 * <ul>
 * <li>the {@link ErrorPageHandler} answers what Jetty refuses itself, in Japanese;</li>
 * <li>paths are parsed leniently ({@link UriCompliance#LEGACY}), so that odd ones
 * ({@code /a/..;/b}, {@code %2F}, {@code //}) reach Spring Security's firewall and its
 * 400 page instead of Jetty's;</li>
 * <li>no {@code Server} header, and error pages choose their own caching;</li>
 * <li>{@code X-Forwarded-*} headers are believed only from a proxy on a private or
 * loopback address ({@link InternalProxyForwardedCustomizer}), as Tomcat's
 * {@code RemoteIpValve} did, when {@code server.forward-headers-strategy=native}.</li>
 * </ul>
 */
@Component
class JettyCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

	private final MessageSource messages;

	JettyCustomizer(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		boolean forwardHeaders = factory.isUseForwardHeaders();
		// Jetty's own customizer would believe the headers from any client
		factory.setUseForwardHeaders(false);
		factory.addServerCustomizers((server) -> customize(server, forwardHeaders));
		factory.addConfigurations(new ErrorPagesDecideTheirCaching());
	}

	/**
	 * Jetty adds {@code Cache-Control: must-revalidate,no-cache,no-store} to every error
	 * it dispatches to an error page, next to the one the application set; the
	 * application's error pages decide it alone. Runs after Spring Boot's configuration,
	 * which installs the error handler.
	 */
	private static final class ErrorPagesDecideTheirCaching extends AbstractConfiguration {

		ErrorPagesDecideTheirCaching() {
			super(new AbstractConfiguration.Builder());
		}

		@Override
		public void configure(WebAppContext context) {
			if (context.getErrorHandler() instanceof ErrorHandler handler) {
				handler.setCacheControl(null);
			}
		}

	}

	private void customize(Server server, boolean forwardHeaders) {
		server.setErrorHandler(new ErrorPageHandler(this::page));
		for (Connector connector : server.getConnectors()) {
			for (ConnectionFactory connectionFactory : connector.getConnectionFactories()) {
				if (connectionFactory instanceof HttpConfiguration.ConnectionFactory http) {
					HttpConfiguration configuration = http.getHttpConfiguration();
					configuration.setSendServerVersion(false);
					configuration.setSendXPoweredBy(false);
					configuration.setUriCompliance(UriCompliance.LEGACY);
					if (forwardHeaders) {
						configuration.addCustomizer(new InternalProxyForwardedCustomizer());
					}
				}
			}
		}
	}

	/** The static page of a status code, in Japanese. */
	String page(int status) {
		String kind = (status >= 500) ? "5xx" : "4xx";
		String title = message("error." + kind + ".title", status);
		return """
				<!DOCTYPE html>
				<html lang="ja">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%1$s</title>
				</head>
				<body>
				<main>
				<h1>%1$s</h1>
				<p>%2$s</p>
				<p><a href="/">%3$s</a></p>
				</main>
				</body>
				</html>
				""".formatted(title, message("error." + kind + ".text", status), message("error.home", status));
	}

	private String message(String key, int status) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(key, new Object[] { status }, Locale.JAPANESE));
	}

}
