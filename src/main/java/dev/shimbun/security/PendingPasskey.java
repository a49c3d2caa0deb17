package dev.shimbun.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

/**
 * The part of a passkey registration's options that its check needs, kept in the session
 * between the options and the new credential. Spring Security's own options cannot be
 * serialized, and sessions live in the database so that the two requests may reach
 * different instances.
 */
record PendingPasskey(byte[] challenge, byte[] userId, String name, String displayName,
		Instant issued) implements Serializable {

	/** How long the browser has to create the passkey (as the options say). */
	static final Duration TIMEOUT = Duration.ofMinutes(5);

	static final String SESSION_ATTRIBUTE = PendingPasskey.class.getName();

	static PendingPasskey of(PublicKeyCredentialCreationOptions options, Instant now) {
		return new PendingPasskey(options.getChallenge().getBytes(), options.getUser().getId().getBytes(),
				options.getUser().getName(), options.getUser().getDisplayName(), now);
	}

	boolean expired(Instant now) {
		return now.isAfter(this.issued.plus(TIMEOUT));
	}

	/** The options as they were sent ({@link PasskeyConfiguration}'s choices). */
	PublicKeyCredentialCreationOptions options(PublicKeyCredentialRpEntity relyingParty) {
		return PublicKeyCredentialCreationOptions.builder()
			.rp(relyingParty)
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(new Bytes(this.userId))
				.name(this.name)
				.displayName(this.displayName)
				.build())
			.challenge(new Bytes(this.challenge))
			.pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.RS256)
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.REQUIRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build())
			.attestation(AttestationConveyancePreference.NONE)
			.timeout(TIMEOUT)
			.build();
	}

}
