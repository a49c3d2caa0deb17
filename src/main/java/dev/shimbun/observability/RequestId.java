package dev.shimbun.observability;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import org.slf4j.MDC;

/**
 * The id of one request, for matching what a reader reports with the log lines of that
 * request. A caller's (a proxy's) {@value #HEADER} is kept when it is short and plain,
 * otherwise a new one is made.
 */
public final class RequestId {

	/** The request and response header. */
	public static final String HEADER = "X-Request-Id";

	/** The key of the id in the SLF4J MDC, and so in log lines. */
	public static final String MDC_KEY = "requestId";

	/** The request attribute that holds the id of the current request. */
	static final String ATTRIBUTE = RequestId.class.getName();

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private RequestId() {
	}

	/** The id of a request, or {@code null} before one was given. */
	public static String of(ServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id instanceof String text) ? text : null;
	}

	/**
	 * Gives the request its id, unless it has one, and puts it into the MDC.
	 * @return the id
	 */
	static String assign(ServletRequest request, String incoming) {
		String id = of(request);
		if (id == null) {
			id = forIncoming(incoming);
			request.setAttribute(ATTRIBUTE, id);
		}
		MDC.put(MDC_KEY, id);
		return id;
	}

	/**
	 * The id of a request that came with this {@value #HEADER} (or none): that one when
	 * it is short and plain, otherwise a new one. For what answers a request ahead of the
	 * servlet filters (the page cache's fresh pages), which sends it back in the
	 * {@value #HEADER} response header as {@code RequestIdFilter} does.
	 */
	public static String forIncoming(String incoming) {
		return isSafe(incoming) ? incoming : newId();
	}

	/**
	 * A random id in the form of a UUID. It only has to be unique, not unguessable, so it
	 * comes from the thread's own generator rather than the shared secure one, which
	 * every request would otherwise wait on.
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
			.toString();
	}

	/** Whether an incoming id may be used as it is: no spaces, quotes or line breaks. */
	static boolean isSafe(String id) {
		return id != null && SAFE.matcher(id).matches();
	}

}
