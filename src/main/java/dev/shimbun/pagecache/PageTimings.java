package dev.shimbun.pagecache;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times the requests that the page cache answers as {@code http.server.requests}, with
 * the tags Spring's observation of a request gives it ({@code method}, {@code uri} as the
 * route such as {@code /articles/{slug}}, {@code status}, {@code outcome},
 * {@code exception}, {@code error}), in place of that observation: Spring does not
 * observe them. A page served from memory takes a few microseconds of work; observing it
 * (a context, an active-request sample in one sorted set, tags worked out again, the
 * timer looked up by them) was 18 % of that work in a profile of bench/pages.sh. Here the
 * timer of each route, method, status and failure is looked up once and kept. A page
 * served from memory is timed under the route it was rendered under.
 */
@Component
class PageTimings implements ObservationPredicate {

	static final String METRIC = "http.server.requests";

	private final MeterRegistry registry;

	private final PageKeys keys;

	private final ServerRequestObservationConvention convention = new DefaultServerRequestObservationConvention();

	private final ConcurrentMap<Kind, Timer> timers = new ConcurrentHashMap<>();

	PageTimings(MeterRegistry registry, PageKeys keys) {
		this.registry = registry;
		this.keys = keys;
	}

	/** Spring observes every request but those the page cache answers. */
	@Override
	public boolean test(String name, Observation.Context context) {
		return !(context instanceof ServerRequestObservationContext request && this.keys.answers(request.getCarrier()));
	}

	/**
	 * Times a request the page cache answers, and records it as Spring's observation
	 * would: a failure is a 500 with the exception named.
	 */
	void time(HttpServletRequest request, HttpServletResponse response, Answer answer)
			throws IOException, ServletException {
		long started = System.nanoTime();
		String route = null;
		Throwable failure = null;
		try {
			route = answer.answer();
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failure = ex;
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			throw ex;
		}
		finally {
			record(request, response, route, failure, System.nanoTime() - started);
		}
	}

	/** How the page cache answers a request. */
	@FunctionalInterface
	interface Answer {

		/**
		 * Answers the request.
		 * @return the route of a page served from memory; {@code null} when Spring MVC
		 * answered (and tells the route)
		 */
		String answer() throws IOException, ServletException;

	}

	/**
	 * Records a request the page cache answered.
	 * @param route the route of the page served from memory, or {@code null} when the
	 * request went on to Spring MVC (which then tells the route)
	 * @param failure what the request failed with, or {@code null}
	 */
	private void record(HttpServletRequest request, HttpServletResponse response, String route, Throwable failure,
			long nanos) {
		String pattern = (route != null) ? route
				: (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Throwable error = (failure != null) ? unwrapped(failure)
				: (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Kind kind = new Kind(request.getMethod(), pattern, response.getStatus(),
				(error != null) ? error.getClass() : null);
		timer(kind, () -> timer(request, response, pattern, error)).record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Records a page that {@link FreshPages} served from memory ahead of the servlet
	 * container, under the same timer as the same answer given behind it.
	 * @param route the route the page was rendered under
	 * @param status 200, or 304
	 */
	void served(String method, String route, int status, long nanos) {
		Kind kind = new Kind(method, route, status, null);
		timer(kind, () -> Timer.builder(METRIC).tags(tags(method, route, status)).register(this.registry)).record(nanos,
				TimeUnit.NANOSECONDS);
	}

	/**
	 * The tags Spring's observation gives a request answered under a route without an
	 * exception, for a request that has no servlet request to work them out from.
	 */
	static Tags tags(String method, String route, int status) {
		return Tags.of("error", "none", "exception", "none", "method", method, "outcome", outcome(status), "status",
				String.valueOf(status), "uri", route);
	}

	private static String outcome(int status) {
		HttpStatus.Series series = HttpStatus.Series.resolve(status);
		if (series == null) {
			return "UNKNOWN";
		}
		return switch (series) {
			case INFORMATIONAL -> "INFORMATIONAL";
			case SUCCESSFUL -> "SUCCESS";
			case REDIRECTION -> "REDIRECTION";
			case CLIENT_ERROR -> "CLIENT_ERROR";
			case SERVER_ERROR -> "SERVER_ERROR";
		};
	}

	/** The timer of a kind of answer, made the first time (looked up without a lock). */
	private Timer timer(Kind kind, Supplier<Timer> make) {
		Timer timer = this.timers.get(kind);
		return (timer != null) ? timer : this.timers.computeIfAbsent(kind, (absent) -> make.get());
	}

	/** The timer Spring's observation would record this request with. */
	private Timer timer(HttpServletRequest request, HttpServletResponse response, String pattern, Throwable error) {
		ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
		context.setPathPattern(pattern);
		context.setError(error);
		Tags tags = Tags.of("error", (error != null) ? error.getClass().getSimpleName() : "none");
		for (KeyValue keyValue : this.convention.getLowCardinalityKeyValues(context)) {
			tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return Timer.builder(METRIC).tags(tags).register(this.registry);
	}

	/** As Spring's observation does: the cause of a servlet exception. */
	private static Throwable unwrapped(Throwable failure) {
		if (failure instanceof ServletException servlet && servlet.getRootCause() != null) {
			return servlet.getRootCause();
		}
		return failure;
	}

	private record Kind(String method, String pattern, int status, Class<?> error) {
	}

}
