package dev.shimbun.pagecache;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shimbun.ShimbunProperties;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The tags a page carries: whose page it is, and every article it links to, read from its
 * bytes, and the summaries its controller declared it shows; written for an edge cache
 * when one is configured.
 */
class PageTagsTests {

	static final String PAGE = """
			<a href="/articles/why-we-yawn">あくび</a>
			<a href="https://shimbun.example/articles/pig-kidney-transplant-ucla?cpage=2#comments">腎臓</a>
			<a href="/articles/why-we-yawn/comments/section">コメント</a>
			<a href="/articles/">空</a><a href="/categories/news">ニュース</a>/articles/""";

	@Test
	void anArticlesPageIsTaggedAsItsAndByTheArticlesItLinksTo() {
		assertThat(PageTags.of(new PageKey("/articles/subaru-brz-2026", "subaru-brz-2026"), bytes(PAGE), Set.of()))
			.containsExactlyInAnyOrder("all", "page-subaru-brz-2026", "links-why-we-yawn",
					"links-pig-kidney-transplant-ucla");
	}

	@Test
	void anotherPageIsAnIndexPage() {
		assertThat(PageTags.of(new PageKey("/", null), bytes("<p>記事はまだありません</p>"), Set.of()))
			.containsExactlyInAnyOrder("all", "index");
	}

	@Test
	void aPageCarriesTheSummariesItsRenderingDeclared() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		assertThat(PageTags.declaredBy(request)).isEmpty();
		PageTags.showsSummary(request, "why-we-yawn");
		PageTags.showsSummary(request, "why-we-yawn");
		assertThat(PageTags.of(new PageKey("/", null), bytes(PAGE), PageTags.declaredBy(request)))
			.containsExactlyInAnyOrder("all", "index", "summary-why-we-yawn", "links-why-we-yawn",
					"links-pig-kidney-transplant-ucla");
	}

	@Test
	void pagesCarryTheirTagsOnlyWhenAnEdgeCacheIsConfigured() throws Exception {
		CachedPage page = CachedPage.of(new PageKey("/", null), bytes(PAGE), "text/html;charset=UTF-8", "ja", Map.of(),
				Instant.parse("2026-12-03T00:00:00Z"), "/", Set.of());
		MockHttpServletResponse plain = new MockHttpServletResponse();
		writer(Map.of()).serve(new MockHttpServletRequest("GET", "/"), plain, page);
		assertThat(plain.getHeaders("xkey")).isEmpty();
		MockHttpServletResponse tagged = new MockHttpServletResponse();
		writer(Map.of("shimbun.edge.caches", "http://127.0.0.1:6081")).serve(new MockHttpServletRequest("GET", "/"),
				tagged, page);
		assertThat(String.join(" ", tagged.getHeaders("xkey")).split(" ")).containsExactlyInAnyOrder("all", "index",
				"links-why-we-yawn", "links-pig-kidney-transplant-ucla");
	}

	/**
	 * An edge cache keeps a tagged page until a purge, which for the change that made
	 * this page stale may have come already: a stale page goes out untagged, to be kept
	 * only as its Cache-Control says, by both ways a page is written.
	 */
	@Test
	void aStalePageCarriesNoTags() throws Exception {
		CachedPage page = CachedPage.of(new PageKey("/", null), bytes(PAGE), "text/html;charset=UTF-8", "ja", Map.of(),
				Instant.parse("2026-12-03T00:00:00Z"), "/", Set.of());
		PageWriter writer = writer(Map.of("shimbun.edge.caches", "http://127.0.0.1:6081"));
		MockHttpServletResponse stale = new MockHttpServletResponse();
		writer.serveStale(new MockHttpServletRequest("GET", "/"), stale, page);
		assertThat(stale.getHeader("Cache-Control")).isEqualTo("public, max-age=0, s-maxage=1");
		assertThat(stale.getHeaders("xkey")).isEmpty();
		MockHttpServletResponse lastKnown = new MockHttpServletResponse();
		writer.serveLastKnown(new MockHttpServletRequest("GET", "/"), lastKnown, page);
		assertThat(lastKnown.getHeaders("xkey")).isEmpty();
		PageCache.Kept kept = new PageCache.Kept(page, false, Instant.parse("2026-12-03T00:10:00Z"));
		HttpFields.Mutable fresh = prepared(writer, kept, HttpFields.build());
		assertThat(fresh.getValuesList("xkey")).isNotEmpty();
		kept.markStale();
		HttpFields.Mutable markedStale = prepared(writer, kept, HttpFields.build());
		assertThat(markedStale.get(HttpHeader.CACHE_CONTROL)).isEqualTo("public, max-age=0, s-maxage=1");
		assertThat(markedStale.getValuesList("xkey")).isEmpty();
		HttpFields.Mutable notModified = prepared(writer, kept,
				HttpFields.build().add(HttpHeader.IF_NONE_MATCH, page.etag()));
		assertThat(notModified.get(HttpHeader.CACHE_CONTROL)).isEqualTo("public, max-age=0, s-maxage=1");
		assertThat(notModified.getValuesList("xkey")).isEmpty();
	}

	/** The header lines the web server's own answer ({@link FreshPages}) sends. */
	private static HttpFields.Mutable prepared(PageWriter writer, PageCache.Kept kept, HttpFields asked) {
		Request request = mock(Request.class);
		given(request.getHeaders()).willReturn(asked);
		Response response = mock(Response.class);
		HttpFields.Mutable sent = HttpFields.build();
		given(response.getHeaders()).willReturn(sent);
		writer.prepare(request, response, kept);
		return sent;
	}

	@Test
	void manyTagsAreSplitOverSeveralHeaderLines() throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			body.append("<a href=\"/articles/article-").append(i).append("\">").append(i).append("</a>");
		}
		CachedPage page = CachedPage.of(new PageKey("/", null), bytes(body.toString()), "text/html", "ja", Map.of(),
				Instant.parse("2026-12-03T00:00:00Z"), "/", Set.of());
		MockHttpServletResponse tagged = new MockHttpServletResponse();
		writer(Map.of("shimbun.edge.caches", "http://127.0.0.1:6081")).serve(new MockHttpServletRequest("GET", "/"),
				tagged, page);
		List<String> lines = tagged.getHeaders("xkey");
		assertThat(lines).hasSizeGreaterThan(1);
		assertThat(String.join(" ", lines).split(" ")).hasSize(102).contains("links-article-99");
	}

	private static PageWriter writer(Map<String, String> settings) {
		return new PageWriter(new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("shimbun",
				ShimbunProperties.class));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
