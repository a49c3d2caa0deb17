package dev.shimbun.comment;

import java.time.Clock;

import javax.sql.DataSource;

import dev.shimbun.ShimbunProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the comment rate limits keep their buckets: on PostgreSQL, the database that
 * several instances may share, in its table, so that the limits hold across instances; on
 * H2 (embedded, one instance) in memory.
 */
@Configuration(proxyBeanMethods = false)
class CommentRateLimitConfiguration {

	@Bean
	CommentRateLimiter commentRateLimiter(ShimbunProperties properties, Clock clock, DataSource dataSource,
			@Value("${spring.datasource.url:}") String url) {
		if (url.startsWith("jdbc:postgresql:")) {
			return new CommentRateLimiter(properties, new SharedBuckets(dataSource, clock));
		}
		return new CommentRateLimiter(properties, CommentRateLimiter.inMemory(clock));
	}

}
