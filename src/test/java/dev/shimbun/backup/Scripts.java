package dev.shimbun.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the scripts under bin/ with bash, as an operator would. */
final class Scripts {

	private Scripts() {
	}

	/** What a script printed on its standard output and error, and its exit status. */
	record Run(int status, String stdout, String stderr) {

		/** Everything printed, for messages. */
		String output() {
			return this.stdout + this.stderr;
		}

	}

	static Run run(Map<String, String> environment, String script, Object... arguments)
			throws IOException, InterruptedException {
		Path file = Path.of("bin", script);
		assertThat(file).isRegularFile();
		List<String> command = new ArrayList<>(List.of("bash", file.toString()));
		for (Object argument : arguments) {
			command.add(argument.toString());
		}
		Path errors = Files.createTempFile("script-", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
		// Only what the test gives: no database settings leak in from the machine.
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("PG") || name.startsWith("SPRING_") || name.startsWith("SHIMBUN_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		try {
			byte[] output = process.getInputStream().readAllBytes();
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", script).isTrue();
			return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8),
					Files.readString(errors, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(errors);
		}
	}

	static Run run(String script, Object... arguments) throws IOException, InterruptedException {
		return run(Map.of(), script, arguments);
	}

	/** Whether a program is on the PATH. */
	static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

}
