package dev.shimbun.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** Sequential page requests after a warm-up, timed, for the benchmarks. */
final class Latencies {

	private final double[] sorted;

	private Latencies(double[] sorted) {
		this.sorted = sorted;
	}

	/**
	 * Sends {@code count / 4} warm-up requests, then {@code count} timed ones; each must
	 * answer 200.
	 */
	static Latencies measure(HttpClient http, URI page, int count) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(page).header("Accept", "text/html").build();
		for (int i = 0; i < count / 4; i++) {
			http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		double[] latencies = new double[count];
		for (int i = 0; i < count; i++) {
			long t = System.nanoTime();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			latencies[i] = (System.nanoTime() - t) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(page + " answered " + response.statusCode());
			}
		}
		Arrays.sort(latencies);
		return new Latencies(latencies);
	}

	/** The latency in milliseconds below which this percent of the requests fell. */
	double percentile(int percent) {
		return this.sorted[Math.min(this.sorted.length - 1, (int) Math.ceil(percent / 100.0 * this.sorted.length) - 1)];
	}

}
