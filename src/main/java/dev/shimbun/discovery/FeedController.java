package dev.shimbun.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Atom 1.0 and RSS 2.0 feeds of the newest articles, for the site and each category. */
@Controller
class FeedController {

	static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

	static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);

	private final DiscoveryService discovery;

	FeedController(DiscoveryService discovery) {
		this.discovery = discovery;
	}

	@GetMapping("/feed.atom")
	ResponseEntity<byte[]> atom() {
		return feed(ATOM, this.discovery.feed(DiscoveryService.FeedType.ATOM, null));
	}

	@GetMapping("/feed.rss")
	ResponseEntity<byte[]> rss() {
		return feed(RSS, this.discovery.feed(DiscoveryService.FeedType.RSS, null));
	}

	@GetMapping("/categories/{slug}/feed.atom")
	ResponseEntity<byte[]> categoryAtom(@PathVariable String slug) {
		return feed(ATOM, this.discovery.feed(DiscoveryService.FeedType.ATOM, slug));
	}

	@GetMapping("/categories/{slug}/feed.rss")
	ResponseEntity<byte[]> categoryRss(@PathVariable String slug) {
		return feed(RSS, this.discovery.feed(DiscoveryService.FeedType.RSS, slug));
	}

	private static ResponseEntity<byte[]> feed(MediaType type, String xml) {
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(xml.getBytes(StandardCharsets.UTF_8));
	}

}
