package dev.shimbun.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.security.SecurityHeaders;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The 503 page of a request that needed the database while it was unavailable, in the
 * site layout (menus and sidebars as kept in memory), with {@code Retry-After}: for a
 * page, "try again shortly"; for a form, what it sent, ready to be sent again.
 */
@Component
class UnavailablePage {

	private final String retryAfter;

	private final MessageSource messages;

	private final LayoutAdvice layout;

	UnavailablePage(ShimbunProperties properties, MessageSource messages, LayoutAdvice layout) {
		this.retryAfter = String.valueOf(Math.max(1, properties.database().retryAfter().toSeconds()));
		this.messages = messages;
		this.layout = layout;
	}

	/** The page, with everything the layout needs. */
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, this.retryAfter);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		SecurityHeaders.addIfMissing(response);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", status.value());
		model.put("site", this.layout.site());
		model.put("requestId", this.layout.requestId(request));
		model.put("menu", this.layout.menu());
		model.put("sidebar", this.layout.sidebar());
		model.put("resend", Resend.of(request, this.messages));
		return new ModelAndView("error/503", model, status);
	}

	/**
	 * What a form sent, to be sent again: every field but passwords (never written back
	 * into a page) and files (which a page cannot hold). Empty fields and the CSRF token
	 * travel hidden; the others are shown, labelled, and can be changed.
	 *
	 * @param action where the form went
	 * @param fields its fields in the order they came
	 */
	record Resend(String action, List<Field> fields) {

		/**
		 * Fields written in a text area on their forms: comments, summaries, paragraphs.
		 */
		private static final Pattern LONG_TEXT = Pattern.compile("body|summary|.*\\.text");

		static Resend of(HttpServletRequest request, MessageSource messages) {
			String method = request.getMethod();
			if ("GET".equals(method) || "HEAD".equals(method)) {
				return null;
			}
			Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
			String action = (uri != null) ? uri.toString() : request.getRequestURI();
			List<Field> fields = new ArrayList<>();
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (RuntimeException ex) {
				// a body that cannot be read as form fields (a broken multipart upload)
				return new Resend(action, List.of());
			}
			parameters.forEach((name, values) -> {
				if (name.toLowerCase(Locale.ROOT).contains("password")) {
					return;
				}
				String label = messages.getMessage("resend.field." + name, null, null, Locale.JAPANESE);
				for (String value : values) {
					boolean hidden = name.equals("_csrf") || value.isEmpty();
					fields.add(new Field(name, value, (label != null) ? label : name, hidden,
							LONG_TEXT.matcher(name).matches() || value.length() > 80 || value.contains("\n")));
				}
			});
			return new Resend(action, List.copyOf(fields));
		}

		/** Whether anything is shown. */
		public boolean visible() {
			return this.fields.stream().anyMatch((field) -> !field.hidden());
		}

	}

	/**
	 * One sent value.
	 *
	 * @param name the field's name
	 * @param value what was sent
	 * @param label what the field is called on its form
	 * @param hidden sent again without being shown
	 * @param multiline shown in a text area rather than a one-line field
	 */
	record Field(String name, String value, String label, boolean hidden, boolean multiline) {
	}

}
