package dev.shimbun.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Staff sessions in the database, safe under concurrent requests of one session. A page
 * opened in several tabs at once (or an editor's browser loading a form and its images
 * together) makes several requests that each add the same new attribute, such as the CSRF
 * token; Spring Session's plain {@code INSERT} then fails on the second with a duplicate
 * key, a 500. The attribute is written as an upsert instead: the last write wins, as it
 * would in memory.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/** H2's own upsert: one statement, so a concurrent insert of the same key waits. */
	static final String H2_CREATE_SESSION_ATTRIBUTE_QUERY = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(
			@Value("${spring.datasource.url:}") String url) {
		if (url.startsWith("jdbc:postgresql:")) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if (url.startsWith("jdbc:h2:")) {
			return (repository) -> repository.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE_QUERY);
		}
		return (repository) -> {
		};
	}

}
