package dev.shimbun.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Readers as the comment rules tell them apart: by their address. Each new address is one
 * no other test uses (from 100.64.0.0/10, shared address space), so that the rate limits
 * and the one-reaction-per-client rule of one test never meet another's.
 *
 * <pre class="code">
 * mvc.perform(post(path).with(Readers.from(Readers.newAddress())));
 * </pre>
 */
public final class Readers {

	private static final AtomicInteger next = new AtomicInteger(1);

	private Readers() {
	}

	/** An address no reader of any test had before. */
	public static String newAddress() {
		int n = next.getAndIncrement();
		return "100." + (64 + n / 62500 % 64) + "." + (n / 250 % 250) + "." + (1 + n % 250);
	}

	/** The request comes from this address. */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
