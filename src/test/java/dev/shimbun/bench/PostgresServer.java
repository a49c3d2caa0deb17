package dev.shimbun.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for bench/faults.sh, from the embedded binaries the tests use, that
 * the script stops and starts again on the same data and port to make an outage. Reads
 * commands on standard input and answers each on standard output:
 * <ul>
 * <li>{@code stop}: stops the server ({@code STOPPED});
 * <li>{@code start}: starts it again ({@code STARTED});
 * <li>{@code ids PREFIX FILE}: writes to FILE the ids of the comments whose text starts
 * with PREFIX, one a line ({@code WRITTEN});
 * <li>{@code quit} or the end of input: stops it and exits.
 * </ul>
 * Arguments: the data directory and the port. Prints {@code READY} once it answers.
 */
public final class PostgresServer {

	private PostgresServer() {
	}

	public static void main(String[] arguments) throws IOException, SQLException {
		Path data = Path.of(arguments[0]);
		int port = Integer.parseInt(arguments[1]);
		EmbeddedPostgres server = start(data, port);
		System.out.println("READY");
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try {
			String command;
			while ((command = commands.readLine()) != null && !command.equals("quit")) {
				if (command.equals("stop")) {
					server.close();
					System.out.println("STOPPED");
				}
				else if (command.equals("start")) {
					server = start(data, port);
					System.out.println("STARTED");
				}
				else if (command.startsWith("ids ")) {
					String[] parts = command.split(" ", 3);
					writeIds(port, parts[1], Path.of(parts[2]));
					System.out.println("WRITTEN");
				}
				else {
					System.out.println("UNKNOWN " + command);
				}
				System.out.flush();
			}
		}
		finally {
			server.close();
		}
	}

	private static EmbeddedPostgres start(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
	}

	private static void writeIds(int port, String prefix, Path file) throws SQLException, IOException {
		StringBuilder ids = new StringBuilder();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
				"postgres", "");
				PreparedStatement query = connection
					.prepareStatement("SELECT id FROM article_comment WHERE body LIKE ? ORDER BY id")) {
			query.setString(1, prefix + "%");
			try (ResultSet found = query.executeQuery()) {
				while (found.next()) {
					ids.append(found.getLong(1)).append('\n');
				}
			}
		}
		Files.writeString(file, ids);
	}

}
