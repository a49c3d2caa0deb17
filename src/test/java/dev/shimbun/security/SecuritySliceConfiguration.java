package dev.shimbun.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The site's {@link SecurityConfiguration} for a {@code @WebMvcTest} slice, with
 * stand-ins for what its filter chains need from the database: the staff accounts, the
 * sign-in guard and the audit of signing out. Requests in a slice are signed in with
 * {@code @WithMockUser} (or {@code user(...)}), so the stand-ins are never asked
 * anything.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SecuritySliceConfiguration {

	@Bean
	StaffUserDetailsService staffUserDetailsService() {
		return mock(StaffUserDetailsService.class);
	}

	@Bean
	SignInGuard signInGuard() {
		return mock(SignInGuard.class);
	}

	@Bean
	SecondFactorService secondFactorService() {
		SecondFactorService factors = mock(SecondFactorService.class);
		given(factors.factorsOf(any())).willReturn(SecondFactorService.Factors.NONE);
		given(factors.requirement()).willReturn(SecondFactorRequirement.NONE);
		return factors;
	}

	@Bean
	StaffSessions staffSessions() {
		return mock(StaffSessions.class);
	}

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty() {
		return mock(WebAuthnRelyingPartyOperations.class);
	}

	@Bean
	AuditLogoutHandler auditLogoutHandler() {
		return mock(AuditLogoutHandler.class);
	}

}
