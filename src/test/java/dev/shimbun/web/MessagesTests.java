package dev.shimbun.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key a template uses exists in messages.properties or a bundle under
 * i18n/.
 */
class MessagesTests {

	private static final Pattern MESSAGE_KEY = Pattern
		.compile("#\\{([a-zA-Z0-9.]+)[}(]|#messages\\.msg\\('([a-zA-Z0-9.]+)'");

	@Test
	void everyKeyUsedByATemplateIsDefined() throws IOException {
		Properties messages = new Properties();
		try (Stream<Path> bundles = Stream.concat(Stream.of(Path.of("src/main/resources/messages.properties")),
				Files.list(Path.of("src/main/resources/i18n")))) {
			for (Path bundle : bundles.filter((path) -> path.toString().endsWith(".properties")).toList()) {
				try (InputStream in = Files.newInputStream(bundle)) {
					messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
				}
			}
		}
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(20);
		assertThat(used).allSatisfy((key) -> assertThat(messages).as("message key %s", key).containsKey(key));
	}

}
