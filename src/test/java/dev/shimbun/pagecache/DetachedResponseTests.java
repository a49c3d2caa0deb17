package dev.shimbun.pagecache;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response a stale page is rendered again into, after its request was answered: it
 * answers as a servlet container's response would, and keeps everything to itself.
 */
class DetachedResponseTests {

	@Test
	void theEncodingOfTheRequestsResponseIsTheDefaultAndATypesCharsetSetsIt() {
		DetachedResponse response = new DetachedResponse("UTF-8", Locale.JAPANESE);
		response.setContentType("text/html");
		assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
		response.setContentType("text/plain; charset=Shift_JIS");
		assertThat(response.getCharacterEncoding()).isEqualTo("Shift_JIS");
		assertThat(response.getContentType()).isEqualTo("text/plain;charset=Shift_JIS");
		response.setHeader("Content-Type", "application/json");
		assertThat(response.getContentType()).isEqualTo("application/json;charset=Shift_JIS");
		assertThat(response.getHeaderNames()).doesNotContain("Content-Type");
		assertThat(response.getLocale()).isEqualTo(Locale.JAPANESE);
	}

	@Test
	void headersStatusAndCookiesAreKeptHere() throws Exception {
		DetachedResponse response = new DetachedResponse(null, Locale.ROOT);
		assertThat(response.getCharacterEncoding()).isEqualTo("ISO-8859-1");
		response.addHeader("Vary", "Accept-Encoding");
		response.addHeader("vary", "Cookie");
		response.setIntHeader("X-Count", 3);
		response.setDateHeader("Expires", 0);
		assertThat(response.getHeaders("VARY")).containsExactly("Accept-Encoding", "Cookie");
		assertThat(response.getHeader("X-Count")).isEqualTo("3");
		assertThat(response.getHeader("Expires")).isEqualTo("Thu, 1 Jan 1970 00:00:00 GMT");
		response.addCookie(new Cookie("theme", "dark"));
		assertThat(response.getHeader("Set-Cookie")).isEqualTo("theme=dark");
		assertThat(response.isCommitted()).isFalse();
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
		assertThat(response.getStatus()).isEqualTo(404);
		response.sendRedirect("/articles/moved");
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getHeader("Location")).isEqualTo("/articles/moved");
		response.reset();
		assertThat(response.getHeaderNames()).isEmpty();
		assertThat(response.getStatus()).isEqualTo(200);
	}

}
