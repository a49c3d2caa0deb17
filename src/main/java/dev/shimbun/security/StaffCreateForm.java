package dev.shimbun.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new staff account. */
public class StaffCreateForm {

	@NotBlank
	@Size(max = 60)
	@Pattern(regexp = "[a-zA-Z0-9._-]*")
	private String username;

	@NotBlank
	@Size(max = 100)
	private String displayName;

	@NotNull
	private StaffRole role = StaffRole.EDITOR;

	@NotBlank
	@Size(min = StaffPasswords.MIN_LENGTH)
	@MaxUtf8Bytes(StaffPasswords.MAX_BYTES)
	private String password;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public StaffRole getRole() {
		return this.role;
	}

	public void setRole(StaffRole role) {
		this.role = role;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
