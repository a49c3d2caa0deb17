package dev.shimbun.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password for a staff account. */
public class PasswordForm {

	@NotBlank
	@Size(min = StaffPasswords.MIN_LENGTH)
	@MaxUtf8Bytes(StaffPasswords.MAX_BYTES)
	private String password;

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
