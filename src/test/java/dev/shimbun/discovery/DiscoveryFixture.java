package dev.shimbun.discovery;

import java.time.Instant;
import java.util.List;

import dev.shimbun.MutableClock;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed articles with four that readers cannot see: a draft, an unpublished one, one
 * scheduled for later and one past its unpublish time. The clock stands on 11 June 2025,
 * 12:00 in Tokyo, the day after the seed articles.
 */
final class DiscoveryFixture {

	static final String BASE_URL = "https://news.example.jp";

	static final Instant NOW = Instant.parse("2025-06-11T03:00:00Z");

	static final String EDD = "us-japan-extended-deterrence-dialogue-barksdale-b52";

	static final List<String> HIDDEN = List.of("pig-kidney-transplant-ucla", "iphone17-orders-surge", "why-we-yawn",
			"newjeans-ador-lawsuit");

	/** Visible articles: 23 seed articles less the hidden ones. */
	static final int VISIBLE = 19;

	private DiscoveryFixture() {
	}

	static void prepare(JdbcTemplate jdbc, MutableClock clock) {
		clock.set(NOW);
		jdbc.update("update article set status = 'DRAFT' where slug = ?", HIDDEN.get(0));
		jdbc.update("update article set status = 'UNPUBLISHED' where slug = ?", HIDDEN.get(1));
		jdbc.update("update article set status = 'SCHEDULED', published_at = ? where slug = ?",
				java.sql.Timestamp.from(Instant.parse("2030-01-01T00:00:00Z")), HIDDEN.get(2));
		jdbc.update("update article set unpublish_at = ? where slug = ?",
				java.sql.Timestamp.from(Instant.parse("2025-06-10T00:00:00Z")), HIDDEN.get(3));
	}

}
