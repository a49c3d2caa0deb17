package dev.shimbun;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The staff member signed in on the current thread, as the features that record who did
 * something (the audit log, an article's author and editor, a media upload) see them.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/**
	 * The signed-in staff member's username; null for a reader, a background job or no
	 * request at all.
	 */
	public static String username() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

}
