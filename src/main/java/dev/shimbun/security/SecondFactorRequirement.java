package dev.shimbun.security;

/**
 * Which staff must have a second factor (a passkey or a one-time code), as an ADMIN sets
 * it.
 */
public enum SecondFactorRequirement {

	/** Nobody must; those who have one use it. */
	NONE,

	/** ADMINs and EDITORs, who can publish. */
	EDITORS,

	/** All staff. */
	ALL;

	boolean appliesTo(StaffRole role) {
		return switch (this) {
			case NONE -> false;
			case EDITORS -> role == StaffRole.ADMIN || role == StaffRole.EDITOR;
			case ALL -> true;
		};
	}

}
