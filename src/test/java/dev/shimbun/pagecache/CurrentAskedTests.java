package dev.shimbun.pagecache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests ask for a page as it is now, not as it was kept. */
class CurrentAskedTests {

	@Test
	void aReloadAndNoCacheAskForThePageAsItIsNow() {
		// Chrome's and Firefox's reload; fetch with cache: 'no-cache'
		assertThat(CurrentAsked.by("max-age=0", null)).isTrue();
		assertThat(CurrentAsked.by("no-cache", "no-cache")).isTrue();
		assertThat(CurrentAsked.by("No-Cache", null)).isTrue();
		assertThat(CurrentAsked.by("max-stale=5, no-cache=\"x\"", null)).isTrue();
		assertThat(CurrentAsked.by("no-transform,  max-age=0", null)).isTrue();
		assertThat(CurrentAsked.by(null, "no-cache")).isTrue();
	}

	@Test
	void otherRequestsMayBeServedAStalePage() {
		assertThat(CurrentAsked.by(null, null)).isFalse();
		assertThat(CurrentAsked.by("max-age=10", null)).isFalse();
		assertThat(CurrentAsked.by("max-age=00", null)).isFalse();
		assertThat(CurrentAsked.by("no-store", null)).isFalse();
		assertThat(CurrentAsked.by("max-stale", null)).isFalse();
		// Pragma counts only without Cache-Control (RFC 9111, 5.4)
		assertThat(CurrentAsked.by("max-age=60", "no-cache")).isFalse();
	}

}
