package dev.shimbun.web;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Fetches a page as a browser asks for it when the reader reloads it (with
 * {@code Cache-Control: max-age=0}), through MockMvc, and parses it: a page marked stale
 * by a change is rendered again for it, not served as it was (which a reader following a
 * link may be, once; PageCacheTests).
 */
public final class PageFetcher {

	private final MockMvc mvc;

	public PageFetcher(MockMvc mvc) {
		this.mvc = mvc;
	}

	public Document get(String path) throws Exception {
		return get(path, 200);
	}

	public Document get(String path, int expectedStatus) throws Exception {
		MvcResult result = this.mvc
			.perform(MockMvcRequestBuilders.get(path)
				.accept(MediaType.TEXT_HTML)
				.header(HttpHeaders.CACHE_CONTROL, "max-age=0"))
			.andReturn();
		int status = result.getResponse().getStatus();
		if (status != expectedStatus) {
			throw new AssertionError("GET " + path + ": expected " + expectedStatus + " but was " + status);
		}
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost");
	}

}
