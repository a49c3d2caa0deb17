package dev.shimbun.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core on the page a browser shows: no serious or critical WCAG 2.2 AA violation. */
final class Accessibility {

	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private Accessibility() {
	}

	static void assertNoSeriousViolations(WebDriver driver, String label) {
		Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
		assertThat(results.isErrored()).as(results::getErrorMessage).isFalse();
		List<Rule> serious = results.getViolations()
			.stream()
			.filter((rule) -> List.of("serious", "critical").contains(rule.getImpact()))
			.toList();
		assertThat(serious).withFailMessage(() -> describe(label, serious)).isEmpty();
	}

	private static String describe(String label, List<Rule> violations) {
		return violations.stream()
			.map((rule) -> "%s [%s] %s: %s".formatted(rule.getId(), rule.getImpact(), rule.getHelp(),
					rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList()))
			.collect(Collectors.joining("\n  ", "axe-core violations on " + label + ":\n  ", ""));
	}

}
