package dev.shimbun.security;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Records sign-outs in the audit log. */
@Component
class AuditLogoutHandler implements LogoutHandler {

	private final AuditService audit;

	AuditLogoutHandler(AuditService audit) {
		this.audit = audit;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null) {
			this.audit.recordAs(authentication.getName(), AuditAction.SIGN_OUT, null, null, null);
		}
	}

}
