package dev.shimbun;

import java.util.Optional;

import javax.sql.DataSource;

import dev.shimbun.database.DatabaseAvailability;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
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
	 * Gives the settings a plain bean name, {@value ShimbunProperties#BEAN_NAME}, so that
	 * each {@code @Scheduled} job reads its interval from {@link ShimbunProperties} (for
	 * example {@code "#{@shimbunProperties.views().flushInterval()}"}) instead of
	 * repeating its default.
	 */
	@Bean
	static BeanFactoryPostProcessor shimbunPropertiesAlias() {
		return (beanFactory) -> {
			for (String name : beanFactory.getBeanNamesForType(ShimbunProperties.class, false, false)) {
				if (!name.equals(ShimbunProperties.BEAN_NAME)) {
					beanFactory.registerAlias(name, ShimbunProperties.BEAN_NAME);
				}
			}
		};
	}

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
