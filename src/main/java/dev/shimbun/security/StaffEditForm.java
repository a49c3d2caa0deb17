package dev.shimbun.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changes to a staff account: name, role, enabled. */
public class StaffEditForm {

	@NotBlank
	@Size(max = 100)
	private String displayName;

	@NotNull
	private StaffRole role;

	private boolean enabled;

	private long version;

	static StaffEditForm from(StaffView user) {
		StaffEditForm form = new StaffEditForm();
		form.displayName = user.displayName();
		form.role = user.role();
		form.enabled = user.enabled();
		form.version = user.version();
		return form;
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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
