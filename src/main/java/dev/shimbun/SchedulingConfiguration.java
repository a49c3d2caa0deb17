package dev.shimbun;

import java.util.Optional;

import javax.sql.DataSource;

import dev.shimbun.database.DatabaseAvailability;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (scheduled publication, rankings, view-count flushes, change polling);
 * {@code shimbun.scheduling.enabled=false} turns them off. Jobs that must run once per
 * cluster, not once per instance, carry {@code @SchedulerLock}: the lock is a row of the
 * {@code shedlock} table, timed by the database's clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConditionalOnProperty(name = "shimbun.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {

	/**
	 * While the database is unavailable no lock is taken, so that the jobs that need one
	 * wait quietly for it to return instead of failing every time.
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource, DatabaseAvailability availability) {
		LockProvider locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
		return (lock) -> availability.available() ? locks.lock(lock) : Optional.empty();
	}

}
