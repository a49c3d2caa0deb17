package dev.shimbun.pagecache;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds the renderings of the front page, once {@link #hold()} is called, until
 * {@link #release()}; tells when one started and when it ended.
 */
final class HeldFrontPage extends OncePerRequestFilter {

	private volatile CountDownLatch release = new CountDownLatch(0);

	private volatile CountDownLatch started = new CountDownLatch(1);

	private volatile CountDownLatch finished = new CountDownLatch(1);

	private final AtomicInteger renderings = new AtomicInteger();

	void hold() {
		this.renderings.set(0);
		this.started = new CountDownLatch(1);
		this.finished = new CountDownLatch(1);
		this.release = new CountDownLatch(1);
	}

	/** Waits (up to 10 s) for a held rendering to start: whether one did. */
	boolean awaitStarted() throws InterruptedException {
		return this.started.await(10, TimeUnit.SECONDS);
	}

	/** Waits (up to 10 s) for a held rendering to end: whether one did. */
	boolean awaitFinished() throws InterruptedException {
		return this.finished.await(10, TimeUnit.SECONDS);
	}

	/** How many renderings were held since {@link #hold()}. */
	int renderings() {
		return this.renderings.get();
	}

	void release() {
		this.release.countDown();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CountDownLatch release = this.release;
		if (release.getCount() == 0) {
			chain.doFilter(request, response);
			return;
		}
		this.renderings.incrementAndGet();
		this.started.countDown();
		try {
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.finished.countDown();
		}
	}

	/** Registers the filter inside the page cache's filter: part of the rendering. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		HeldFrontPage heldFrontPage() {
			return new HeldFrontPage();
		}

		@Bean
		FilterRegistrationBean<HeldFrontPage> heldFrontPageRegistration(HeldFrontPage filter) {
			FilterRegistrationBean<HeldFrontPage> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 21);
			return registration;
		}

	}

}
