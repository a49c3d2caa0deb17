package dev.shimbun.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer for tests, in TCP mode as HAProxy can be: browsers connect to its one
 * address ({@link #origin()}, the site's {@code shimbun.site.base-url}), and each
 * connection goes to the backend chosen at the time. {@link #sendTo} changes the backend
 * and closes the connections open to the old one, so that the browser's next request
 * reaches the new one. The Host header is the balancer's, as behind a real one.
 *
 * <pre class="code">
 * LoadBalancer balancer = LoadBalancer.start();
 * // start the instances with --shimbun.site.base-url= + balancer.origin()
 * balancer.sendTo(portOfA);
 * </pre>
 */
public final class LoadBalancer implements AutoCloseable {

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final Map<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();

	private volatile int backend;

	private LoadBalancer(ServerSocket server) {
		this.server = server;
		Thread acceptor = new Thread(this::accept, "load-balancer");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Listens on a free port of the loopback address. */
	public static LoadBalancer start() {
		try {
			return new LoadBalancer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where browsers reach the site: {@code http://localhost:port}. */
	public String origin() {
		return "http://localhost:" + this.server.getLocalPort();
	}

	/** New connections go to the backend on this port; open ones are closed. */
	public void sendTo(int port) {
		this.backend = port;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
	}

	/** How many connections went to the backend on this port. */
	public int connectionsTo(int port) {
		return this.connections.computeIfAbsent(port, (key) -> new AtomicInteger()).get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				int port = this.backend;
				Socket upstream = new Socket();
				upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
				this.connections.computeIfAbsent(port, (key) -> new AtomicInteger()).incrementAndGet();
				this.open.add(client);
				this.open.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				// closed, or a backend that refused: the browser sees its connection end
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "load-balancer-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.open.forEach(LoadBalancer::closeQuietly);
	}

}
