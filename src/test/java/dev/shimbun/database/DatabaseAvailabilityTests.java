package dev.shimbun.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The database counts as unavailable from a connection that could not be made until a
 * probe gets an answer; meanwhile connections are refused without asking the pool, and
 * the outage is logged once at each end. A pool that is merely busy is no outage.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseAvailabilityTests {

	private final DataSource pool = mock(DataSource.class);

	private final DatabaseAvailability availability = new DatabaseAvailability(this.pool, Duration.ofHours(1),
			Duration.ofSeconds(1), Clock.systemUTC());

	@SuppressWarnings("unchecked")
	private final ObjectProvider<DatabaseAvailability> provider = mock(ObjectProvider.class);

	private final AvailabilityCheckingDataSource checking = new AvailabilityCheckingDataSource(this.pool,
			this.provider);

	DatabaseAvailabilityTests() {
		when(this.provider.getObject()).thenReturn(this.availability);
	}

	private static SQLException refused() {
		return new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
				new SQLException("Connection to localhost:5432 refused", "08001"));
	}

	@Test
	void aFailedConnectionMakesItUnavailableAndLaterOnesAreRefusedWithoutAskingThePool(CapturedOutput output)
			throws SQLException {
		when(this.pool.getConnection()).thenThrow(refused());
		assertThatExceptionOfType(SQLException.class).isThrownBy(this.checking::getConnection);
		assertThat(this.availability.available()).isFalse();
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(SQLTransientConnectionException.class).isThrownBy(this.checking::getConnection)
				.satisfies((refusal) -> assertThat(DatabaseUnavailable.is(refusal)).isTrue());
		}
		verify(this.pool, times(1)).getConnection();
		this.availability.lost(refused());
		assertThat(output.getAll().lines().filter((line) -> line.contains("The database is unavailable"))).hasSize(1);
	}

	@Test
	void aProbeThatGetsAnAnswerMakesItAvailableAgain(CapturedOutput output) throws SQLException {
		this.availability.lost(refused());
		Connection connection = mock(Connection.class);
		when(connection.isValid(1)).thenReturn(true);
		when(this.pool.getConnection()).thenReturn(connection);
		this.availability.probe();
		assertThat(this.availability.available()).isTrue();
		assertThat(this.checking.getConnection()).isSameAs(connection);
		this.availability.probe();
		assertThat(output.getAll().lines().filter((line) -> line.contains("The database answers again"))).hasSize(1);
	}

	@Test
	void aProbeWithoutAnAnswerMakesItUnavailable() throws SQLException {
		when(this.pool.getConnection()).thenThrow(refused());
		this.availability.probe();
		assertThat(this.availability.available()).isFalse();
	}

	@Test
	void aBusyPoolIsNoOutage() throws SQLException {
		when(this.pool.getConnection()).thenThrow(new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 1000ms (total=10, active=10)"));
		assertThatExceptionOfType(SQLException.class).isThrownBy(this.checking::getConnection);
		this.availability.probe();
		assertThat(this.availability.available()).isTrue();
	}

	@Test
	void failuresThatMeanTheDatabaseCannotAnswerAreToldFromTheOthers() {
		assertThat(DatabaseUnavailable.is(new CannotGetJdbcConnectionException("no connection", refused()))).isTrue();
		assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("no transaction", refused()))).isTrue();
		assertThat(DatabaseUnavailable.connectionFailure(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseUnavailable.connectionFailure(new SQLException("Connection is closed"))).isTrue();
		assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseUnavailable.is(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailable.connectionFailure(new SQLException("syntax error", "42601"))).isFalse();
	}

}
