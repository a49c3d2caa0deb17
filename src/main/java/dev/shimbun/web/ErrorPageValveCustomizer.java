package dev.shimbun.web;

import java.util.Locale;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Puts the {@link ErrorPageValve} in the place of Tomcat's error report valve (the one
 * that Spring Boot adds too), with its text from the message bundle. Ordered last, so it
 * runs after Spring Boot's own customizer.
 */
@Component
class ErrorPageValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final MessageSource messages;

	ErrorPageValveCustomizer(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			if (host instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(ErrorPageValve.class.getName());
			}
			host.getPipeline().addValve(new ErrorPageValve(this::page));
		});
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
