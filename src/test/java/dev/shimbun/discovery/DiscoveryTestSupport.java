package dev.shimbun.discovery;

import dev.shimbun.MutableClock;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context for the discovery tests, with the {@link DiscoveryFixture} in
 * place before each test.
 */
@SpringBootTest(properties = { "shimbun.test.context=discovery", "shimbun.site.base-url=" + DiscoveryFixture.BASE_URL })
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
abstract class DiscoveryTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected MutableClock clock;

	@BeforeEach
	void prepare() {
		DiscoveryFixture.prepare(this.jdbc, this.clock);
	}

}
