package dev.shimbun.security;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.shimbun.FieldRuleException;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;

import org.springframework.stereotype.Service;

/**
 * The tries after the password that the {@link SignInGuard} counts like password tries:
 * the code at the second step of a sign-in, and the current password when a member
 * changes theirs. Each is admitted (or refused while the account or address is locked),
 * checked, and recorded as a success or a failure. Not transactional itself: the guard's
 * and the checks' transactions are their own.
 */
@Service
public class SignInChecks {

	private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("H:mm");

	private final SignInGuard guard;

	private final SecondFactorService factors;

	private final StaffService staff;

	private final AuditService audit;

	private final ZoneId zone;

	SignInChecks(SignInGuard guard, SecondFactorService factors, StaffService staff, AuditService audit,
			ShimbunProperties properties) {
		this.guard = guard;
		this.factors = factors;
		this.staff = staff;
		this.audit = audit;
		this.zone = properties.site().zone();
	}

	/** Checks the code given at the second step; a success is audited as the sign-in. */
	public SecondStep secondStep(String username, String code, String client) {
		SignInGuard.Admission admission = this.guard.admit(SignInNames.forRecord(username), client);
		if (!admission.admitted()) {
			this.audit.recordAs(username, AuditAction.SIGN_IN_LOCKED, "client", client,
					admission.busy() ? "busy code" : "code");
			return new SecondStep(null, admission.lockedUntil(), admission.busy());
		}
		SecondFactorService.CodeCheck result = this.factors.checkCode(username, code, client);
		if (result.accepted()) {
			this.guard.succeeded(admission);
			this.audit.recordAs(username, AuditAction.SIGN_IN, "client", client,
					(result == SecondFactorService.CodeCheck.RECOVERY_CODE) ? "recovery code" : "code");
		}
		return new SecondStep(result, null, false);
	}

	/**
	 * A member changes their own password.
	 * @throws FieldRuleException on {@code currentPassword} when it is wrong or tries are
	 * locked, on {@code password} when the new one breaks a rule
	 */
	public void changeOwnPassword(String username, String client, String currentPassword, String password) {
		SignInGuard.Admission admission = this.guard.admit(SignInNames.forRecord(username), client);
		if (!admission.admitted()) {
			this.audit.recordAs(username, AuditAction.SIGN_IN_LOCKED, "client", client, "password change");
			throw admission.busy() ? new FieldRuleException("currentPassword", "login.error.busy")
					: new FieldRuleException("currentPassword", "login.error.locked", retryAt(admission.lockedUntil()));
		}
		try {
			this.staff.changeOwnPassword(username, currentPassword, password);
			this.guard.succeeded(admission);
		}
		catch (FieldRuleException ex) {
			if (!"currentPassword".equals(ex.field())) {
				// the current password was right: the try is no failure
				this.guard.forget(admission);
			}
			throw ex;
		}
	}

	private String retryAt(Instant until) {
		return RETRY_TIME.format(until.atZone(this.zone));
	}

	/**
	 * What the second step came to: the code's check, or (with no check) locked until a
	 * time or busy.
	 */
	public record SecondStep(SecondFactorService.CodeCheck result, Instant lockedUntil, boolean busy) {

		public boolean accepted() {
			return this.result != null && this.result.accepted();
		}

	}

}
