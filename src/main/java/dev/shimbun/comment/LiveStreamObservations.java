package dev.shimbun.comment;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Live-comment streams are not observed as requests ({@code http.server.requests}). Every
 * observed request is an active sample of {@code http.server.requests.active} until it
 * ends, kept in one sorted set: with 2 000 readers holding a stream for half an hour,
 * every page served added itself to and removed itself from a set of 2 000 (a profile of
 * bench/live.sh found 8 % of the CPU there). The streams are counted by
 * {@code shimbun.comments.live.streams} instead.
 */
@Configuration(proxyBeanMethods = false)
class LiveStreamObservations {

	@Bean
	ObservationPredicate liveStreamsAreNotObserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& isStream(request.getCarrier().getRequestURI()));
	}

	static boolean isStream(String path) {
		return path != null && path.startsWith("/articles/") && path.endsWith("/comments/stream");
	}

}
