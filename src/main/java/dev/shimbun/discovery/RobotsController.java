package dev.shimbun.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * robots.txt: the admin pages (previews included) and search results stay out of search
 * engines; the sitemaps are announced.
 */
@Controller
class RobotsController {

	private final DiscoveryService discovery;

	RobotsController(DiscoveryService discovery) {
		this.discovery = discovery;
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		String body = String.join("\n", "User-agent: *", "Disallow: /admin/", "Disallow: /search", "",
				"Sitemap: " + this.discovery.absolute("/sitemap.xml"),
				"Sitemap: " + this.discovery.absolute("/sitemap-news.xml"), "");
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(body);
	}

}
