package dev.shimbun.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells the failures that mean "the database cannot answer now" (no connection, a lost
 * connection, a server shutting down, a query or transaction out of time) from the
 * others. The first kind is an outage or an overload: the request is answered with 503
 * and {@code Retry-After}, background work waits for the database to return.
 */
public final class DatabaseUnavailable {

	/** SQLSTATEs of PostgreSQL's server shutting down or starting up (class 57P). */
	private static final String[] SERVER_GOING = { "57P01", "57P02", "57P03" };

	private DatabaseUnavailable() {
	}

	/**
	 * Whether this failure, or one of its causes, is the database not answering.
	 */
	public static boolean is(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
					|| cause instanceof TransactionTimedOutException || cause instanceof JDBCConnectionException
					|| cause instanceof SQLTimeoutException || cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && connectionLost(sql)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether this failure, or one of its causes, is a connection that could not be made
	 * or was lost: the database is down or out of reach, not merely busy.
	 */
	public static boolean connectionFailure(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql && connectionLost(sql)) {
				return true;
			}
		}
		return false;
	}

	private static boolean connectionLost(SQLException failure) {
		if (failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException) {
			return true;
		}
		if (failure instanceof SQLTransientConnectionException) {
			// the pool's "no connection in time": an outage only if making one failed
			return failure.getCause() != null && connectionFailure(failure.getCause());
		}
		String state = failure.getSQLState();
		if (state == null) {
			// HikariCP's answer for a pooled connection it has closed because it broke
			return "Connection is closed".equals(failure.getMessage());
		}
		if (state.startsWith("08")) {
			return true;
		}
		for (String going : SERVER_GOING) {
			if (going.equals(state)) {
				return true;
			}
		}
		return false;
	}

}
