package dev.shimbun.observability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reads /actuator/prometheus as a signed-in ADMIN would, and the values in it. */
public final class Prometheus {

	private final String text;

	private Prometheus(String text) {
		this.text = text;
	}

	public static Prometheus scrape(MockMvc mvc) throws Exception {
		return new Prometheus(mvc.perform(get("/actuator/prometheus").with(user("scraper").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	public String text() {
		return this.text;
	}

	/**
	 * The sum of the samples of a series name with all the given labels, such as
	 * {@code reason="duplicate"}.
	 * @throws AssertionError if there is no such sample
	 */
	public double sum(String name, String... labels) {
		double[] found = this.text.lines()
			.filter((line) -> !line.startsWith("#"))
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch((label) -> labelsOf(line).contains(label)))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.toArray();
		if (found.length == 0) {
			throw new AssertionError("No sample " + name + " " + Arrays.toString(labels));
		}
		return Arrays.stream(found).sum();
	}

	private static String labelsOf(String line) {
		int open = line.indexOf('{');
		return (open < 0) ? "" : line.substring(open, line.lastIndexOf('}') + 1);
	}

}
