package dev.shimbun.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A form of a rendered page, filled in as a browser would: the fields and their current
 * values, changed by the test, then submitted with one of its buttons.
 */
public final class HtmlForm {

	private final String action;

	private final Map<String, List<String>> fields = new LinkedHashMap<>();

	private HtmlForm(String action) {
		this.action = action;
	}

	/** The form for MockMvc, which adds its own CSRF token. */
	public static HtmlForm of(Document page, String selector) {
		Element form = page.selectFirst(selector);
		if (form == null) {
			throw new AssertionError("No form " + selector + " in " + page.title());
		}
		return read(form, false);
	}

	/**
	 * Every field a browser sends with the form over HTTP, its CSRF token included.
	 */
	public static HtmlForm sent(Element form) {
		if (form == null) {
			throw new AssertionError("No form");
		}
		return read(form, true);
	}

	private static HtmlForm read(Element form, boolean withToken) {
		HtmlForm result = new HtmlForm(form.attr("action"));
		for (Element field : form.select("input[name], textarea[name], select[name]")) {
			String name = field.attr("name");
			String type = field.attr("type");
			if ((name.equals("_csrf") && !withToken) || type.equals("submit") || field.hasAttr("disabled")) {
				continue;
			}
			if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
				continue;
			}
			String value;
			if (field.tagName().equals("select")) {
				Element selected = field.selectFirst("option[selected]");
				if (selected == null) {
					selected = field.selectFirst("option");
				}
				value = (selected != null) ? selected.attr("value") : "";
			}
			else if (field.tagName().equals("textarea")) {
				value = field.wholeText();
				if (value.startsWith("\n")) {
					value = value.substring(1);
				}
			}
			else {
				value = field.attr("value");
			}
			result.fields.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return result;
	}

	public String get(String name) {
		List<String> values = this.fields.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	public HtmlForm set(String name, String value) {
		this.fields.put(name, new ArrayList<>(List.of(value)));
		return this;
	}

	/** Every field and its values, as the form would send them. */
	public Map<String, List<String>> urlEncodedFields() {
		return java.util.Collections.unmodifiableMap(this.fields);
	}

	public String action() {
		return this.action;
	}

	/** The fields as an {@code application/x-www-form-urlencoded} body. */
	public String urlEncoded() {
		StringBuilder body = new StringBuilder();
		this.fields.forEach((name, values) -> values.forEach((value) -> {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}));
		return body.toString();
	}

	/**
	 * A POST of the form, as pressing a submit button with this name and value would
	 * send.
	 */
	public MockHttpServletRequestBuilder submit(String button, String value) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(this.action).with(csrf());
		this.fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		if (button != null) {
			request.param(button, value);
		}
		return request;
	}

	public MockHttpServletRequestBuilder submit() {
		return submit(null, null);
	}

}
