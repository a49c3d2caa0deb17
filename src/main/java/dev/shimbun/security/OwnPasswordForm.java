package dev.shimbun.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A staff member's new password, with their current one. */
public class OwnPasswordForm {

	@NotBlank
	private String currentPassword;

	@NotBlank
	@Size(min = StaffPasswords.MIN_LENGTH)
	@MaxUtf8Bytes(StaffPasswords.MAX_BYTES)
	private String password;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
