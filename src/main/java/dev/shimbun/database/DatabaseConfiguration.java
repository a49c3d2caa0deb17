package dev.shimbun.database;

import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.shimbun.ShimbunProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's connection to its database when the database may be unavailable: the
 * data source refuses at once during an outage ({@link AvailabilityCheckingDataSource}),
 * a PostgreSQL connection never hangs on a silent network, and background jobs that fail
 * because the database is gone leave no stack trace (the outage itself is logged once).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseConfiguration.class);

	/**
	 * PostgreSQL driver settings, unless the URL sets them: a connection attempt gives up
	 * after 5 s, and a read waiting on a network that dropped the server after 60 s (the
	 * queries themselves are timed by the transactions,
	 * {@code spring.transaction.default-timeout}).
	 */
	private static final String[][] POSTGRESQL_DEFAULTS = { { "connectTimeout", "5" }, { "socketTimeout", "60" },
			{ "tcpKeepAlive", "true" } };

	@Bean
	static BeanPostProcessor databaseAvailabilityCheck(ObjectProvider<DatabaseAvailability> availability) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
						&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					for (String[] setting : POSTGRESQL_DEFAULTS) {
						if (!pool.getJdbcUrl().contains(setting[0] + "=")
								&& !pool.getDataSourceProperties().containsKey(setting[0])) {
							pool.addDataSourceProperty(setting[0], setting[1]);
						}
					}
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource pool && !(bean instanceof AvailabilityCheckingDataSource)
						&& "dataSource".equals(beanName)) {
					return new AvailabilityCheckingDataSource(pool, availability);
				}
				return bean;
			}

		};
	}

	@Bean
	DatabaseAvailability databaseAvailability(DataSource dataSource, ShimbunProperties properties, Clock clock)
			throws SQLException {
		// the pool itself: the probe must reach it while the checking data source refuses
		DataSource pool = dataSource.isWrapperFor(AvailabilityCheckingDataSource.class)
				? dataSource.unwrap(AvailabilityCheckingDataSource.class).getTargetDataSource() : dataSource;
		ShimbunProperties.Database settings = properties.database();
		return new DatabaseAvailability(pool, settings.probeInterval(), settings.probeTimeout(), clock);
	}

	@Bean
	DatabaseHealthIndicator databaseHealthIndicator(DatabaseAvailability availability) {
		return new DatabaseHealthIndicator(availability);
	}

	/**
	 * A scheduled job that fails because the database is unavailable has nothing to
	 * report beyond the outage itself: it runs again at its next time. Any other failure
	 * is logged with its stack trace, as Spring does by default.
	 */
	@Bean
	ThreadPoolTaskSchedulerCustomizer quietDuringOutages(ObjectProvider<DatabaseAvailability> availability) {
		return (scheduler) -> scheduler.setErrorHandler((failure) -> {
			if (DatabaseUnavailable.is(failure)) {
				if (DatabaseUnavailable.connectionFailure(failure)) {
					availability.getObject().lost(failure);
				}
				logger.debug("Scheduled task skipped: the database is unavailable", failure);
			}
			else {
				logger.error("Unexpected error occurred in scheduled task", failure);
			}
		});
	}

}
