package dev.shimbun.hardening;

import dev.shimbun.hardening.RawHttp.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal looks like: a page in Japanese, with the security headers. */
final class RefusalPages {

	private RefusalPages() {
	}

	static void assertRefusedPage(Response response, int status, String what) {
		assertThat(response.status()).as(what).isEqualTo(status);
		assertJapanesePageWithSecurityHeaders(response, what);
	}

	static void assertJapanesePageWithSecurityHeaders(Response response, String what) {
		assertThat(response.header("Content-Type")).as(what).startsWith("text/html");
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("html").attr("lang")).as(what).isEqualTo("ja");
		assertThat(page.selectFirst("h1").text()).as(what).matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
		assertThat(response.body()).as(what)
			.doesNotContain("Whitelabel", "HTTP Status", "Apache Tomcat", "Jetty", "Exception", "\tat ");
		assertThat(response.header("Content-Security-Policy")).as(what).contains("default-src");
		assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).as(what).isNotNull();
		assertThat(response.header("Referrer-Policy")).as(what).isNotNull();
	}

}
