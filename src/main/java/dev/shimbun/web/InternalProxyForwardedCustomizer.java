package dev.shimbun.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Request;

/**
 * Believes {@code X-Forwarded-*} and {@code Forwarded} headers only from a proxy on a
 * loopback, link-local or private address (10/8, 172.16/12, 192.168/16, 100.64/10,
 * fc00::/7), the addresses Tomcat's {@code RemoteIpValve} trusts by default. A client
 * reaching the site directly cannot choose the address its comments, reads and sign-in
 * failures are counted under.
 */
class InternalProxyForwardedCustomizer extends ForwardedRequestCustomizer {

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
		if (remote instanceof InetSocketAddress address && isInternal(address.getAddress())) {
			return super.customize(request, responseHeaders);
		}
		return request;
	}

	static boolean isInternal(InetAddress address) {
		if (address == null) {
			return false;
		}
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			// 100.64.0.0/10, shared address space (carrier-grade NAT, some clusters)
			return (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
		}
		// fc00::/7, unique local addresses
		return (bytes[0] & 0xFE) == 0xFC;
	}

}
