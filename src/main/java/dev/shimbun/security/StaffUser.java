package dev.shimbun.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of staff who signs in to the admin pages. */
@Entity
@Table(name = "staff_user")
class StaffUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "display_name")
	private String displayName;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private StaffRole role;

	private boolean enabled;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "factors_version")
	private long factorsVersion;

	@Column(name = "enrolment_required")
	private boolean enrolmentRequired;

	@Version
	private long version;

	protected StaffUser() {
	}

	StaffUser(String username, String displayName, String passwordHash, StaffRole role, Instant createdAt) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	/**
	 * Its passkeys or one-time code changed: sessions opened before end
	 * ({@link #accessStamp()}).
	 */
	void factorsChanged() {
		this.factorsVersion++;
	}

	/** Whether it must set up a second factor at its next sign-in (after a reset). */
	void requireEnrolment(boolean required) {
		this.enrolmentRequired = required;
	}

	void update(String displayName, StaffRole role, boolean enabled) {
		this.displayName = displayName;
		this.role = role;
		this.enabled = enabled;
	}

	/**
	 * Changes whenever what the account may do changes: its role, whether it is enabled,
	 * its password, its second factors (not its display name). A session opened before
	 * such a change is ended by {@link StaffSessionCheck}.
	 */
	String accessStamp() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((this.role + "\n" + this.enabled + "\n" + this.passwordHash
			// accounts whose factors never changed keep the stamp they had before factors
					+ ((this.factorsVersion == 0) ? "" : "\n" + this.factorsVersion))
				.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	StaffRole getRole() {
		return this.role;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	boolean isEnrolmentRequired() {
		return this.enrolmentRequired;
	}

	long getVersion() {
		return this.version;
	}

}
