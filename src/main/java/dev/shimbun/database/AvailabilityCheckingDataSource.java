package dev.shimbun.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source: the connection pool behind a check of
 * {@link DatabaseAvailability}. While the database is unavailable a connection is refused
 * at once (a 503 within milliseconds instead of every request waiting for the pool's
 * timeout); a connection that cannot be made marks it unavailable.
 */
class AvailabilityCheckingDataSource extends DelegatingDataSource {

	private final ObjectProvider<DatabaseAvailability> availabilityProvider;

	private volatile DatabaseAvailability availability;

	AvailabilityCheckingDataSource(DataSource pool, ObjectProvider<DatabaseAvailability> availability) {
		super(pool);
		this.availabilityProvider = availability;
	}

	/** Found on first use: it is made from this data source's pool. */
	private DatabaseAvailability availability() {
		DatabaseAvailability found = this.availability;
		if (found == null) {
			found = this.availabilityProvider.getObject();
			this.availability = found;
		}
		return found;
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseWhileUnavailable();
		try {
			return super.getConnection();
		}
		catch (SQLException ex) {
			noteFailure(ex);
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		refuseWhileUnavailable();
		try {
			return super.getConnection(username, password);
		}
		catch (SQLException ex) {
			noteFailure(ex);
			throw ex;
		}
	}

	private void refuseWhileUnavailable() throws SQLException {
		DatabaseAvailability availability = availability();
		if (!availability.available()) {
			throw new SQLTransientConnectionException(
					"The database is unavailable since " + availability.unavailableSince(), "08001");
		}
	}

	private void noteFailure(SQLException failure) {
		if (DatabaseUnavailable.connectionFailure(failure)) {
			availability().lost(failure);
		}
	}

}
