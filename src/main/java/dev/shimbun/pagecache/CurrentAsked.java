package dev.shimbun.pagecache;

import java.util.Locale;

/**
 * Whether a request asks for the page as it is now, not a stored one: its
 * {@code Cache-Control} has {@code no-cache} or {@code max-age=0} (what a browser sends
 * when the reader reloads the page, and the live comments script when the server says
 * comments changed), or, without {@code Cache-Control}, its {@code Pragma} is
 * {@code no-cache}. Such a request is not served a page marked stale: as a shared cache
 * would for it (RFC 9111, 5.2.1), it waits for the page's rendering, and renders it if
 * nobody is. A page kept fresh is the page as it is now (every change marks it stale or
 * drops it), so it is served from memory all the same.
 */
final class CurrentAsked {

	private CurrentAsked() {
	}

	/**
	 * Whether these request headers ask for the page as it is now.
	 * @param cacheControl the request's {@code Cache-Control}, or {@code null}
	 * @param pragma the request's {@code Pragma}, or {@code null}
	 */
	static boolean by(String cacheControl, String pragma) {
		if (cacheControl == null) {
			return pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache");
		}
		for (String directive : cacheControl.split(",")) {
			String name = directive.strip().toLowerCase(Locale.ROOT);
			if (name.equals("no-cache") || name.startsWith("no-cache=") || name.replace(" ", "").equals("max-age=0")) {
				return true;
			}
		}
		return false;
	}

}
