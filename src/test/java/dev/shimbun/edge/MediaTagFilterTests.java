package dev.shimbun.edge;

import java.util.Map;

import dev.shimbun.ShimbunProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge cache's tag on media files.
 */
class MediaTagFilterTests {

	@Test
	void mediaFileWhenEdgeCachesThenTaggedWithItsItem() throws Exception {
		assertThat(tag("/media/42", "http://varnish:6081")).isEqualTo("media-42");
		assertThat(tag("/media/42/640", "http://varnish:6081")).isEqualTo("media-42");
	}

	@Test
	void otherPathsThenNotTagged() throws Exception {
		assertThat(tag("/media/42/640/more", "http://varnish:6081")).isNull();
		assertThat(tag("/articles/why-we-yawn", "http://varnish:6081")).isNull();
	}

	@Test
	void noEdgeCachesThenNotTagged() throws Exception {
		assertThat(tag("/media/42", "")).isNull();
	}

	private static String tag(String path, String caches) throws Exception {
		ShimbunProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("shimbun.edge.caches", caches)))
			.bindOrCreate("shimbun", ShimbunProperties.class);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MediaTagFilter(properties).doFilter(request, response, new MockFilterChain());
		return response.getHeader("xkey");
	}

}
