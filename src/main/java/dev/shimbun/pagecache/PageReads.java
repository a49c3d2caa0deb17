package dev.shimbun.pagecache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Told of every page that {@link FreshPageFilter} served from memory ahead of the filters
 * behind it, so that what those filters do with a served page (count a read) is done for
 * it too, by the same code.
 */
public interface PageReads {

	/**
	 * A page was served to a reader from memory.
	 * @param request the reader's request
	 * @param response the response, written
	 */
	void served(HttpServletRequest request, HttpServletResponse response);

}
