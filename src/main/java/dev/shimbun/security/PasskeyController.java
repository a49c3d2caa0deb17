package dev.shimbun.security;

import java.time.Clock;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Registering a passkey, for the account page's script: the options for the browser, then
 * the new credential, checked and stored by Spring Security's relying party. Answers are
 * JSON; a refusal is a 422 with a message for the member ({@code message}).
 */
@RestController
@RequestMapping("/admin/account/passkeys")
class PasskeyController {

	/** The longest name of a passkey. */
	static final int MAX_LABEL = 60;

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final PublicKeyCredentialRpEntity relyingPartyEntity;

	private final SecondFactorService factors;

	private final StaffSessions sessions;

	private final MessageSource messages;

	private final Clock clock;

	private final JsonMapper json = Passkeys.json();

	PasskeyController(WebAuthnRelyingPartyOperations relyingParty, ShimbunProperties properties,
			SecondFactorService factors, StaffSessions sessions, MessageSource messages, Clock clock) {
		this.relyingParty = relyingParty;
		this.relyingPartyEntity = Passkeys.relyingPartyEntity(properties);
		this.factors = factors;
		this.sessions = sessions;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping(path = "/options", produces = MediaType.APPLICATION_JSON_VALUE)
	String options(Authentication authentication, HttpSession session) {
		PublicKeyCredentialCreationOptions options = this.relyingParty.createPublicKeyCredentialCreationOptions(
				new ImmutablePublicKeyCredentialCreationOptionsRequest(authentication));
		session.setAttribute(PendingPasskey.SESSION_ATTRIBUTE, PendingPasskey.of(options, this.clock.instant()));
		return this.json.writeValueAsString(options);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> register(@RequestBody String body, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		RelyingPartyPublicKey publicKey;
		try {
			publicKey = this.json.readValue(body, RelyingPartyPublicKey.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return refused("account.passkey.error.failed");
		}
		String label = (publicKey.getLabel() != null) ? publicKey.getLabel().strip() : "";
		if (label.isEmpty() || label.codePointCount(0, label.length()) > MAX_LABEL
				|| label.codePoints().anyMatch(Character::isISOControl)) {
			return refused("account.passkey.error.label");
		}
		HttpSession session = request.getSession();
		PendingPasskey pending = (PendingPasskey) session.getAttribute(PendingPasskey.SESSION_ATTRIBUTE);
		session.removeAttribute(PendingPasskey.SESSION_ATTRIBUTE);
		if (pending == null || pending.expired(this.clock.instant())
				|| !pending.name().equals(authentication.getName())) {
			return refused("account.passkey.error.expired");
		}
		try {
			this.relyingParty.registerCredential(
					new ImmutableRelyingPartyRegistrationRequest(pending.options(this.relyingPartyEntity),
							new RelyingPartyPublicKey(publicKey.getCredential(), label)));
		}
		catch (RuntimeException ex) {
			return refused("account.passkey.error.failed");
		}
		this.factors.passkeyAdded(authentication.getName(), label);
		this.sessions.complete(authentication.getName(), FactorGrantedAuthority.WEBAUTHN_AUTHORITY, request, response);
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("notice", "account.notice.passkeyAdded");
		RequestContextUtils.saveOutputFlashMap("/admin/account", request, response);
		return ResponseEntity.ok(Map.of("redirect", request.getContextPath() + "/admin/account"));
	}

	private ResponseEntity<Map<String, String>> refused(String key) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(Map.of("message", this.messages.getMessage(key, null, LocaleContextHolder.getLocale())));
	}

}
