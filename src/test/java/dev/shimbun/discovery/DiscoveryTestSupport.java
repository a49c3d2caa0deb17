package dev.shimbun.discovery;

import dev.shimbun.MutableClock;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context for the discovery tests, with the {@link DiscoveryFixture} in
 * place before each test.
 */
@SiteTest
@TestPropertySource(properties = "shimbun.site.base-url=" + DiscoveryFixture.BASE_URL)
@OwnContext
abstract class DiscoveryTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected ApplicationContext context;

	@Autowired
	protected MutableClock clock;

	@BeforeEach
	void prepare() {
		DiscoveryFixture.prepare(this.context, this.clock);
	}

}
