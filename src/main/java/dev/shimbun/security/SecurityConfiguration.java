package dev.shimbun.security;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains. The management endpoints ({@code /actuator/**}): health and its
 * probes for anyone, the rest for an ADMIN by HTTP Basic, without a session.
 * {@code /admin/**}: form sign-in, roles, CSRF on every form, no framing at all.
 * Everything else is public: no session is created for readers and no cache headers are
 * added, so public pages stay cacheable.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** Only the site's own scripts and styles; there are no inline ones. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'";

	/**
	 * The staff's preview of an article, the one staff page the site's pages may frame.
	 */
	private static final RequestMatcher ARTICLE_PREVIEW = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.GET, "/admin/articles/{id}/preview");

	/** Where a passkey signs in. */
	static final String PASSKEY_SIGN_IN = "/admin/login/passkey";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_EDITOR
				ROLE_EDITOR > ROLE_MODERATOR
				""");
	}

	@Bean
	AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInGuard guard, AuditService audit, SecondFactorService factors) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new GuardedAuthenticationProvider(passwords, guard, audit, factors));
	}

	/**
	 * Health (with its liveness and readiness groups) is public and shows details only to
	 * an ADMIN; every other endpoint needs an ADMIN's user name and password with each
	 * request, so that a Prometheus scraper can use {@code basic_auth}. Successful
	 * sign-ins here are not audited (a scraper signs in every few seconds); failed ones
	 * are, and count towards the lock as on the sign-in page. Nothing here changes state,
	 * and no cookie authenticates, so there is no CSRF token. The matchers follow the
	 * management base path and port ({@code MANAGEMENT_SERVER_PORT}).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain managementChain(HttpSecurity http, StaffUserDetailsService users,
			PasswordEncoder passwordEncoder, SignInGuard guard, AuditService audit) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authenticationManager(
					new ProviderManager(new GuardedAuthenticationProvider(passwords, guard, audit, false)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.realmName("Shimbun management"))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * The admin pages: form sign-in through the brute-force guard, roles, CSRF on every
	 * form, no framing. Every request with a session is checked against the account in
	 * the database ({@link StaffSessionCheck}): once an ADMIN disables it, changes its
	 * role or its password, its sessions end on every instance.
	 * <p>
	 * A sign-in may take two steps ({@link SignInSteps}): a partial one reaches only its
	 * step's pages (the code page, or enrolment) and is sent back there from any other.
	 * Passkeys sign in at {@value #PASSKEY_SIGN_IN} (with options from
	 * {@value #PASSKEY_SIGN_IN}/options), through Spring Security's WebAuthn filters.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, AuthenticationManager authenticationManager,
			AuditLogoutHandler auditLogout, StaffUserDetailsService users, SecondFactorService factors,
			StaffSessions sessions, WebAuthnRelyingPartyOperations relyingParty, AuditService audit) {
		http.securityMatcher("/admin/**")
			.authenticationManager(authenticationManager)
			.addFilterBefore(new StaffSessionCheck(users, factors, sessions), AnonymousAuthenticationFilter.class)
			.addFilterBefore(passkeySignIn(relyingParty, users, audit), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(passkeySignInOptions(relyingParty), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin/login")
				.permitAll()
				.requestMatchers(SignInSteps.SECOND_FACTOR_PAGE)
				.authenticated()
				.requestMatchers("/admin/account/totp/remove")
				.hasRole("MODERATOR")
				.requestMatchers(SignInSteps.ENROL_PAGE, "/admin/account/totp", "/admin/account/passkeys/options",
						"/admin/account/passkeys")
				.hasAnyAuthority(SignInSteps.ENROL, "ROLE_MODERATOR")
				.requestMatchers("/admin/account/**")
				.hasRole("MODERATOR")
				.requestMatchers("/admin/users/**", "/admin/audit/**", "/admin/backups/**")
				.hasRole("ADMIN")
				.requestMatchers("/admin/comments/**")
				.hasRole("MODERATOR")
				.requestMatchers("/admin", "/admin/")
				.hasRole("MODERATOR")
				.anyRequest()
				.hasRole("EDITOR"))
			.formLogin((form) -> form.loginPage("/admin/login")
				.loginProcessingUrl("/admin/login")
				.successHandler(SignInSteps.afterPassword())
				.failureUrl("/admin/login?error")
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(SignInSteps.backToStep()))
			.logout((logout) -> logout.logoutUrl("/admin/logout")
				.addLogoutHandler(auditLogout)
				.logoutSuccessUrl("/admin/login?signedOut"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.frameOptions((frame) -> frame.disable())
				// staff pages may not be framed at all, but for the article preview,
				// which the editor shows in a frame at phone and desktop widths
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(ARTICLE_PREVIEW),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY.replace("script-src 'self'",
								"script-src 'self' " + AdminScripts.IMPORT_MAP_HASH) + "; frame-ancestors 'none'")))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(ARTICLE_PREVIEW),
						new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ARTICLE_PREVIEW,
						new ContentSecurityPolicyHeaderWriter(AdminScripts.PREVIEW_CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ARTICLE_PREVIEW,
						new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** Signs in with a passkey alone, answering in JSON for the sign-in page's script. */
	private static WebAuthnAuthenticationFilter passkeySignIn(WebAuthnRelyingPartyOperations relyingParty,
			StaffUserDetailsService users, AuditService audit) {
		WebAuthnAuthenticationFilter filter = new WebAuthnAuthenticationFilter();
		filter.setRequiresAuthenticationRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PASSKEY_SIGN_IN));
		filter.setAuthenticationManager(
				new ProviderManager(new PasskeyAuthenticationProvider(relyingParty, users, audit)));
		filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
		filter.setAuthenticationSuccessHandler(SignInSteps.passkeySignedIn());
		return filter;
	}

	private static PublicKeyCredentialRequestOptionsFilter passkeySignInOptions(
			WebAuthnRelyingPartyOperations relyingParty) {
		PublicKeyCredentialRequestOptionsFilter filter = new PublicKeyCredentialRequestOptionsFilter(relyingParty);
		filter.setRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PASSKEY_SIGN_IN + "/options"));
		return filter;
	}

	/**
	 * Everything else. Readers have no account and no session: instead of a CSRF token,
	 * every request that can change something is checked by the
	 * {@link PublicRequestGuard} (origin, size, encoding; see README, "Comments and
	 * CSRF"), right after the security headers are written so that its refusals carry
	 * them.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicChain(HttpSecurity http, ShimbunProperties properties,
			ObjectProvider<PublicRequestGuard.RefusalListener> refusalListeners) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.addFilterAfter(new PublicRequestGuard(properties, refusalListeners.orderedStream().toList()),
					HeaderWriterFilter.class)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.contentSecurityPolicy(
						(csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY + "; frame-ancestors 'self'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frame) -> frame.sameOrigin()));
		return http.build();
	}

}
