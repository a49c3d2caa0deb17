package dev.shimbun.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time codes against RFC 6238's own test values (SHA-1, six digits of eight). */
class TotpTests {

	/** RFC 6238's SHA-1 seed, "12345678901234567890", in Base32. */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
			"20000000000, 353130" })
	void codesAreThoseOfRfc6238(long seconds, String code) {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
	}

	@Test
	void aCodeMatchesWithinOneStepEitherWayOnly() {
		long now = Totp.step(Instant.ofEpochSecond(1234567890));
		for (int off = -1; off <= 1; off++) {
			assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + off), now)).isEqualTo(now + off);
		}
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 2), now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 2), now)).isEqualTo(-1);
	}

	@Test
	void base32RoundTripsAndSecretsAre160Bits() {
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.fromBase32(secret)).hasSize(20);
		assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
		assertThat(Totp.fromBase32("gezd gnbv")).isEqualTo(Totp.fromBase32("GEZDGNBV"));
	}

	@Test
	void typedCodesAreMadePlainOrRefused() {
		assertThat(Totp.normalize(" 123 456 ")).isEqualTo("123456");
		assertThat(Totp.normalize("１２３４５６")).isEqualTo("123456");
		assertThat(Totp.normalize("123-456")).isEqualTo("123456");
		assertThat(Totp.normalize("12345")).isNull();
		assertThat(Totp.normalize("1234567")).isNull();
		assertThat(Totp.normalize("12a456")).isNull();
		assertThat(Totp.normalize(null)).isNull();
		assertThat(Totp.normalize("1".repeat(100))).isNull();
	}

	@Test
	void theAppsAddressCarriesTheIssuerAccountAndSecret() {
		assertThat(Totp.uri("Shimbun 新聞", "hanako", "ABCD")).isEqualTo(
				"otpauth://totp/Shimbun%20%E6%96%B0%E8%81%9E:hanako?secret=ABCD&issuer=Shimbun%20%E6%96%B0%E8%81%9E"
						+ "&algorithm=SHA1&digits=6&period=30");
	}

}
