package dev.shimbun.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In the PostgreSQL run ({@link TestDatabases#postgresql()}), points every test context
 * that would get the default in-memory H2 database at a fresh PostgreSQL database
 * instead. Contexts that choose their own database are left alone.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestDatabases.postgresql() ? new PostgresContextCustomizer() : null;
	}

	static final class PostgresContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ConfigurableEnvironment environment = context.getEnvironment();
			String url = environment.getProperty("spring.datasource.url");
			if (url == null || !url.startsWith("jdbc:h2:mem:shimbun-")) {
				return;
			}
			environment.getPropertySources()
				.addFirst(new MapPropertySource("postgresTestDatabase",
						Map.of("spring.datasource.url", TestDatabases.newPostgresDatabase(),
								"spring.datasource.username", "postgres", "spring.datasource.password", "")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PostgresContextCustomizer;
		}

		@Override
		public int hashCode() {
			return PostgresContextCustomizer.class.hashCode();
		}

	}

}
