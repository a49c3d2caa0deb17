package dev.shimbun.security;

import java.net.URI;

import dev.shimbun.ShimbunProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;

/** What the passkey pieces share: the relying party and WebAuthn's JSON. */
final class Passkeys {

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private Passkeys() {
	}

	/** Reads and writes WebAuthn's JSON, as Spring Security's own filters do. */
	static JsonMapper json() {
		return JSON;
	}

	/** The relying party: the host of the site's address, and the site's name. */
	static PublicKeyCredentialRpEntity relyingPartyEntity(ShimbunProperties properties) {
		return PublicKeyCredentialRpEntity.builder()
			.id(properties.site().baseUrl().getHost())
			.name(properties.site().name())
			.build();
	}

	/** The origin of an address: scheme, host and any port. */
	static String origin(URI base) {
		return base.getScheme() + "://" + base.getHost() + ((base.getPort() < 0) ? "" : ":" + base.getPort());
	}

}
