package dev.shimbun.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.shimbun.FieldRuleException;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' second factors: passkeys (kept by Spring Security's JDBC repositories),
 * a one-time code (TOTP) with its recovery codes, and the site's rule on who must have
 * one. Every change to an account's factors changes its access stamp, so that its other
 * sessions end on every instance ({@link StaffSessionCheck}), and goes to the audit log,
 * as do wrong, reused and recovery codes at sign-in.
 */
@Service
@Transactional(readOnly = true)
public class SecondFactorService {

	private final StaffUserRepository users;

	private final StaffFactorRepository store;

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	private final AuditService audit;

	private final Clock clock;

	SecondFactorService(StaffUserRepository users, StaffFactorRepository store,
			PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			AuditService audit, Clock clock) {
		this.users = users;
		this.store = store;
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.audit = audit;
		this.clock = clock;
	}

	/** Who must have a second factor. */
	public SecondFactorRequirement requirement() {
		return this.store.requirement();
	}

	@Transactional
	public void changeRequirement(SecondFactorRequirement requirement) {
		SecondFactorRequirement before = requirement();
		this.store.changeRequirement(requirement);
		this.audit.record(AuditAction.SECOND_FACTOR_POLICY_CHANGED, "policy", "second-factor",
				this.audit.text("audit.detail.secondFactorPolicy", before.name(), requirement.name()));
	}

	/** The factors of one account. */
	public Factors factorsOf(String username) {
		return this.users.findByUsername(username).map(this::factors).orElse(Factors.NONE);
	}

	/** A summary of every account's factors, by account id, for the ADMIN's list. */
	public Map<Long, Factors> allFactors() {
		Map<Long, Factors> all = new HashMap<>();
		for (StaffUser user : this.users.findAll()) {
			all.put(user.getId(), factors(user));
		}
		return all;
	}

	/**
	 * What a sign-in needs once its password is right: the second step when the account
	 * has a factor, enrolment when it has none but must, or nothing more.
	 */
	SignInStep stepAfterPassword(String username) {
		StaffUser user = find(username);
		Factors factors = factors(user);
		if (factors.any()) {
			return SignInStep.SECOND_FACTOR;
		}
		return mustEnrol(user, factors) ? SignInStep.ENROL : SignInStep.DONE;
	}

	/**
	 * Whether a signed-in account must set up a second factor before anything else: it
	 * has none, and the rule covers its role or an ADMIN reset its factors.
	 */
	boolean mustEnrolNow(String username) {
		return this.users.findByUsername(username).map((user) -> mustEnrol(user, null)).orElse(false);
	}

	private boolean mustEnrol(StaffUser user, Factors known) {
		if (!user.isEnrolmentRequired() && !requirement().appliesTo(user.getRole())) {
			return false;
		}
		Factors factors = (known != null) ? known : factors(user);
		return !factors.any();
	}

	// The one-time code

	/**
	 * Turns on the one-time code with a secret the member's app has, once it gives a
	 * right code for it (which cannot then be used to sign in).
	 * @return the new recovery codes, to be shown once
	 * @throws FieldRuleException on the field {@code code} when the code is not right
	 */
	@Transactional
	public List<String> enableTotp(String username, String secret, String typedCode) {
		StaffUser user = find(username);
		String code = Totp.normalize(typedCode);
		if (code == null) {
			throw new FieldRuleException("code", "account.totp.error.format");
		}
		long step = Totp.matchingStep(secret, code, Totp.step(this.clock.instant()));
		if (step < 0) {
			throw new FieldRuleException("code", "account.totp.error.wrong");
		}
		this.store.saveTotp(user.getId(), secret, step, this.clock.instant());
		List<String> codes = storeRecoveryCodes(user);
		changed(user, AuditAction.TOTP_ENABLED);
		return codes;
	}

	/**
	 * Turns the one-time code off, with its recovery codes.
	 * @return false when it was not on
	 */
	@Transactional
	public boolean removeTotp(String username) {
		StaffUser user = find(username);
		Factors factors = factors(user);
		if (!factors.totp()) {
			return false;
		}
		if (factors.passkeys().isEmpty() && requirement().appliesTo(user.getRole())) {
			throw new FieldRuleException("totp", "account.error.lastFactor");
		}
		this.store.removeTotp(user.getId());
		changed(user, AuditAction.TOTP_REMOVED);
		return true;
	}

	/** Ten new recovery codes in place of the old ones. */
	@Transactional
	public List<String> renewRecoveryCodes(String username) {
		StaffUser user = find(username);
		if (!factors(user).totp()) {
			throw new FieldRuleException("totp", "account.recovery.error.noTotp");
		}
		List<String> codes = storeRecoveryCodes(user);
		this.audit.recordAs(username, AuditAction.RECOVERY_CODES_RENEWED, "user", user.getId(), username);
		return codes;
	}

	/**
	 * Checks the code given at the second step of a sign-in: a one-time code (within one
	 * step of the server's clock, and only for a step later than the last one used) or a
	 * recovery code (which is then gone). Wrong and reused codes, and every recovery code
	 * used, are audited; the caller counts failures towards the lock.
	 */
	@Transactional
	public CodeCheck checkCode(String username, String typed, String client) {
		StaffUser user = find(username);
		String code = Totp.normalize(typed);
		if (code != null) {
			return checkTotp(user, code, client);
		}
		String recovery = RecoveryCodes.normalize(typed);
		if (recovery != null && this.store.takeRecoveryCode(user.getId(), RecoveryCodes.hash(recovery))) {
			int left = recoveryCodesLeft(user.getId());
			this.audit.recordAs(username, AuditAction.RECOVERY_CODE_USED, "client", client,
					this.audit.text("audit.detail.recoveryCodesLeft", left));
			return CodeCheck.RECOVERY_CODE;
		}
		this.audit.recordAs(username, AuditAction.SECOND_FACTOR_FAILED, "client", client,
				(recovery != null) ? "recovery" : "code");
		return CodeCheck.WRONG;
	}

	private CodeCheck checkTotp(StaffUser user, String code, String client) {
		long step = this.store.totp(user.getId())
			.map((totp) -> Totp.matchingStep(totp.secret(), code, Totp.step(this.clock.instant())))
			.orElse(-1L);
		if (step < 0) {
			this.audit.recordAs(user.getUsername(), AuditAction.SECOND_FACTOR_FAILED, "client", client, "code");
			return CodeCheck.WRONG;
		}
		// Only one request can move last_step past this step, on any instance.
		if (!this.store.takeStep(user.getId(), step, this.clock.instant())) {
			this.audit.recordAs(user.getUsername(), AuditAction.SECOND_FACTOR_REUSED, "client", client, "code");
			return CodeCheck.REUSED;
		}
		return CodeCheck.CODE;
	}

	// Passkeys

	/** A passkey was registered for the account (by Spring Security's repositories). */
	@Transactional
	public void passkeyAdded(String username, String label) {
		StaffUser user = find(username);
		user.factorsChanged();
		user.requireEnrolment(false);
		this.audit.recordAs(username, AuditAction.PASSKEY_ADDED, "user", user.getId(), label);
	}

	/**
	 * Removes one of the member's own passkeys.
	 * @return false when the member has no passkey with this id
	 * @throws FieldRuleException when it is their last factor and they must have one
	 */
	@Transactional
	public boolean removePasskey(String username, String credentialId) {
		StaffUser user = find(username);
		Factors factors = factors(user);
		Passkey passkey = factors.passkeys()
			.stream()
			.filter((candidate) -> candidate.id().equals(credentialId))
			.findFirst()
			.orElse(null);
		if (passkey == null) {
			return false;
		}
		if (factors.count() == 1 && requirement().appliesTo(user.getRole())) {
			throw new FieldRuleException("passkey", "account.error.lastFactor");
		}
		this.credentials.delete(Bytes.fromBase64(credentialId));
		user.factorsChanged();
		this.audit.recordAs(username, AuditAction.PASSKEY_REMOVED, "user", user.getId(), passkey.label());
		return true;
	}

	// For an ADMIN

	/**
	 * Removes every second factor of an account (its passkeys, one-time code and recovery
	 * codes), ends its sessions, and has it set up a new one at its next sign-in.
	 */
	@Transactional
	public void reset(Long userId) {
		StaffUser user = this.users.findById(userId).orElseThrow(() -> new StaffNotFoundException(userId));
		for (Passkey passkey : factors(user).passkeys()) {
			this.credentials.delete(Bytes.fromBase64(passkey.id()));
		}
		this.store.removeTotp(user.getId());
		user.requireEnrolment(true);
		user.factorsChanged();
		this.audit.record(AuditAction.SECOND_FACTOR_RESET, "user", user.getId(), user.getUsername());
	}

	private void changed(StaffUser user, AuditAction action) {
		user.factorsChanged();
		user.requireEnrolment(false);
		this.audit.recordAs(user.getUsername(), action, "user", user.getId(), user.getUsername());
	}

	private List<String> storeRecoveryCodes(StaffUser user) {
		List<String> codes = RecoveryCodes.newCodes();
		this.store.replaceRecoveryCodes(user.getId(),
				codes.stream().map((code) -> RecoveryCodes.hash(RecoveryCodes.normalize(code))).toList(),
				this.clock.instant());
		return codes;
	}

	private Factors factors(StaffUser user) {
		Optional<StaffFactorRepository.TotpRow> totp = this.store.totp(user.getId());
		PublicKeyCredentialUserEntity entity = this.userEntities.findByUsername(user.getUsername());
		List<Passkey> passkeys = (entity == null) ? List.of()
				: this.credentials.findByUserId(entity.getId())
					.stream()
					.map(SecondFactorService::passkey)
					.sorted(Comparator.comparing(Passkey::created, Comparator.nullsLast(Comparator.naturalOrder())))
					.toList();
		return new Factors(totp.isPresent(), totp.map(StaffFactorRepository.TotpRow::created).orElse(null),
				totp.map(StaffFactorRepository.TotpRow::lastUsed).orElse(null), recoveryCodesLeft(user.getId()),
				passkeys, user.isEnrolmentRequired());
	}

	private int recoveryCodesLeft(Long userId) {
		return this.store.recoveryCodesLeft(userId);
	}

	private static Passkey passkey(CredentialRecord record) {
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				record.getLastUsed());
	}

	private StaffUser find(String username) {
		return this.users.findByUsername(username)
			.orElseThrow(() -> new IllegalStateException("No staff account " + username));
	}

	/** What a sign-in needs after a right password. */
	enum SignInStep {

		DONE, SECOND_FACTOR, ENROL

	}

	/** What the code given at the second step was. */
	public enum CodeCheck {

		CODE, RECOVERY_CODE, WRONG, REUSED;

		public boolean accepted() {
			return this == CODE || this == RECOVERY_CODE;
		}

	}

	/** One passkey of an account. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}

	/** The second factors of one account. */
	public record Factors(boolean totp, Instant totpCreated, Instant totpLastUsed, int recoveryCodesLeft,
			List<Passkey> passkeys, boolean enrolmentRequired) {

		/** No factor at all (and no account). */
		static final Factors NONE = new Factors(false, null, null, 0, List.of(), false);

		public boolean any() {
			return this.totp || !this.passkeys.isEmpty();
		}

		int count() {
			return (this.totp ? 1 : 0) + this.passkeys.size();
		}

		/** When a passkey was last used to sign in, if ever. */
		public Instant passkeyLastUsed() {
			return this.passkeys.stream()
				.map(Passkey::lastUsed)
				.filter(java.util.Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(null);
		}

	}

}
