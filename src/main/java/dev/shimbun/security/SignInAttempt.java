package dev.shimbun.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One sign-in try, kept to refuse brute force (see {@link SignInGuard}): recorded as
 * failed before its password is checked, marked as succeeded after.
 */
@Entity
@Table(name = "sign_in_attempt")
class SignInAttempt {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String client;

	@Column(name = "attempted_at")
	private Instant attemptedAt;

	private boolean succeeded;

	protected SignInAttempt() {
	}

	SignInAttempt(String username, String client, Instant attemptedAt, boolean succeeded) {
		this.username = username;
		this.client = client;
		this.attemptedAt = attemptedAt;
		this.succeeded = succeeded;
	}

	Long getId() {
		return this.id;
	}

	Instant getAttemptedAt() {
		return this.attemptedAt;
	}

}
