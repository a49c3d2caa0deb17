package dev.shimbun.pagecache;

import java.util.function.UnaryOperator;

/**
 * Told of every page that {@link FreshPages} served from memory ahead of the servlet
 * filters, so that what those filters do with a served page (count a read) is done for it
 * too, by the same code.
 */
public interface PageReads {

	/**
	 * A page was served to a reader from memory.
	 * @param page the request and the answer
	 */
	void served(ServedPage page);

	/**
	 * A reader's request answered from memory, and its answer.
	 *
	 * @param method {@code GET} or {@code HEAD}
	 * @param path the request's path, not decoded
	 * @param status 200, or 304 for a conditional request that matched
	 * @param remoteAddress the reader's address (a trusted proxy's
	 * {@code X-Forwarded-For} already applied)
	 * @param headers the request's headers by name ({@code null} when absent)
	 */
	record ServedPage(String method, String path, int status, String remoteAddress, UnaryOperator<String> headers) {

		/** A request header, or {@code null}. */
		public String header(String name) {
			return this.headers.apply(name);
		}

	}

}
