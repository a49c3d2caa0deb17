package dev.shimbun.observability;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.util.Assert;

/**
 * Puts a Caffeine cache into the metrics as {@code cache.gets} (tagged
 * {@code result=hit|miss}), {@code cache.puts}, {@code cache.evictions} and
 * {@code cache.size}, all tagged {@code cache=<name>}. The cache must be built with
 * {@code Caffeine.newBuilder().recordStats()}; hits and misses are those of
 * {@code getIfPresent}, {@code get} and {@code getAll}, not of the {@code asMap()} view.
 *
 * <pre class="code">
 * this.cache = CacheMetrics.monitor(registry,
 *         Caffeine.newBuilder().maximumSize(1_000).recordStats().build(), "rankings");
 * </pre>
 *
 * or, for a bean that should not depend on the registry, implement {@link MeterBinder}
 * and call {@link #monitor} from {@code bindTo}.
 */
public final class CacheMetrics {

	private CacheMetrics() {
	}

	/**
	 * Registers the cache under the given name.
	 * @param registry where the meters go
	 * @param cache a cache that records its statistics
	 * @param name the value of the {@code cache} tag, unique in the application
	 * @return the cache, for use in a field initialiser
	 * @throws IllegalArgumentException if the cache does not record statistics
	 */
	public static <K, V, C extends Cache<K, V>> C monitor(MeterRegistry registry, C cache, String name) {
		Assert.isTrue(cache.policy().isRecordingStats(),
				() -> "Cache '" + name + "' must be built with recordStats() to report hits and misses");
		CaffeineCacheMetrics.monitor(registry, cache, name);
		return cache;
	}

	/**
	 * A binder that registers the cache when Spring Boot binds meters; return it from a
	 * {@code @Bean MeterBinder} method.
	 * @param cache a cache that records its statistics
	 * @param name the value of the {@code cache} tag, unique in the application
	 * @return a binder for the cache
	 */
	public static <K, V> MeterBinder binder(Cache<K, V> cache, String name) {
		return (registry) -> monitor(registry, cache, name);
	}

}
