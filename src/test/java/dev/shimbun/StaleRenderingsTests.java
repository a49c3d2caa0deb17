package dev.shimbun;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How many stale pages are rendered again at once
 * ({@code shimbun.pages.stale-renderings}).
 */
class StaleRenderingsTests {

	private static ShimbunProperties.Pages pages(int staleRenderings) {
		return new ShimbunProperties.Pages(20, 20, true, DataSize.ofMegabytes(32), Duration.ofSeconds(60),
				Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), staleRenderings);
	}

	@Test
	void byDefaultOneProcessorIsLeftToThePagesServedFromMemory() {
		int processors = Runtime.getRuntime().availableProcessors();
		int atOnce = pages(0).staleRenderingsAtOnce();
		assertThat(atOnce).isPositive();
		if (processors > 1) {
			assertThat(atOnce).as("renderings at once on %d processors", processors).isEqualTo(processors - 1);
		}
	}

	@Test
	void aNumberGivenIsKept() {
		assertThat(pages(1).staleRenderingsAtOnce()).isEqualTo(1);
		assertThat(pages(6).staleRenderingsAtOnce()).isEqualTo(6);
		assertThatIllegalArgumentException().isThrownBy(() -> pages(-1))
			.withMessageContaining("shimbun.pages.stale-renderings");
	}

}
