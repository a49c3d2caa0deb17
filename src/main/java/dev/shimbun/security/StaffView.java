package dev.shimbun.security;

/** A staff account as the admin pages show it (never its password hash). */
public record StaffView(Long id, String username, String displayName, StaffRole role, boolean enabled, long version) {

}
