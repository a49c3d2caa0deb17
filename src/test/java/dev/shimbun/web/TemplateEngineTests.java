package dev.shimbun.web;

import dev.shimbun.support.SeedSiteTest;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template engine as the site runs it: every other test of a page renders with these
 * settings, so they also show that the pages come out right with them.
 */
@SeedSiteTest
class TemplateEngineTests {

	@Autowired
	private SpringTemplateEngine engine;

	@Test
	void expressionsThatRunOftenAreCompiled() {
		// interpreting them was a tenth of what a site allocated under bench/churn.sh
		assertThat(this.engine.getEnableSpringELCompiler()).isTrue();
	}

}
