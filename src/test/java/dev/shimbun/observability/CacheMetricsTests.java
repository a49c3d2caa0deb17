package dev.shimbun.observability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CacheMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void hitsMissesAndSizeOfAMonitoredCache() {
		Cache<String, Integer> cache = CacheMetrics.monitor(this.registry,
				Caffeine.newBuilder().maximumSize(10).recordStats().build(), "test.numbers");
		cache.get("one", (key) -> 1);
		cache.get("one", (key) -> 1);
		cache.getIfPresent("two");
		assertThat(gets("hit")).isEqualTo(1);
		assertThat(gets("miss")).isEqualTo(2);
		assertThat(this.registry.get("cache.size").tag("cache", "test.numbers").gauge().value()).isEqualTo(1);
	}

	@Test
	void aBinderRegistersWhenBound() {
		Cache<String, Integer> cache = Caffeine.newBuilder().recordStats().build();
		CacheMetrics.binder(cache, "test.bound").bindTo(this.registry);
		cache.getIfPresent("absent");
		assertThat(
				this.registry.get("cache.gets").tags("cache", "test.bound", "result", "miss").functionCounter().count())
			.isEqualTo(1);
	}

	@Test
	void aCacheWithoutStatisticsIsRefused() {
		Cache<String, Integer> cache = Caffeine.newBuilder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> CacheMetrics.monitor(this.registry, cache, "test.blind"))
			.withMessageContaining("recordStats()");
	}

	private double gets(String result) {
		return this.registry.get("cache.gets")
			.tags("cache", "test.numbers", "result", result)
			.functionCounter()
			.count();
	}

}
