package dev.shimbun.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the bytes that {@code java.net.http} will not send
 * (broken percent sequences, control bytes, odd methods, a wrong {@code Host}, chunked or
 * wrong bodies). One request per connection.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** A request builder: method and target exactly as given. */
	Request request(String method, String target) {
		return new Request(method, target);
	}

	Response get(String target) {
		return request("GET", target).send();
	}

	final class Request {

		private final String method;

		private final String target;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body;

		private boolean chunked;

		private Long contentLength;

		Request(String method, String target) {
			this.method = method;
			this.target = target;
			this.headers.put("Host", "localhost:" + RawHttp.this.port);
			this.headers.put("Accept", "text/html");
		}

		Request header(String name, String value) {
			if (value == null) {
				this.headers.remove(name);
			}
			else {
				this.headers.put(name, value);
			}
			return this;
		}

		Request sameSite() {
			return header("Origin", "http://localhost:" + RawHttp.this.port);
		}

		Request crossSite() {
			return header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site");
		}

		Request form(String body) {
			header("Content-Type", "application/x-www-form-urlencoded");
			return body(body.getBytes(StandardCharsets.ISO_8859_1));
		}

		Request body(byte[] body) {
			this.body = body;
			return this;
		}

		/** Sends the body in chunks, without a Content-Length. */
		Request chunked() {
			this.chunked = true;
			return this;
		}

		/** Declares this length whatever the body is. */
		Request contentLength(long length) {
			this.contentLength = length;
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			StringBuilder head = new StringBuilder(this.method + " " + this.target + " HTTP/1.1\r\n");
			this.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("Connection: close\r\n");
			if (this.chunked) {
				head.append("Transfer-Encoding: chunked\r\n");
			}
			else if (this.contentLength != null) {
				head.append("Content-Length: ").append(this.contentLength).append("\r\n");
			}
			else if (this.body != null) {
				head.append("Content-Length: ").append(this.body.length).append("\r\n");
			}
			head.append("\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (this.body != null) {
				if (this.chunked) {
					for (int start = 0; start < this.body.length; start += 4096) {
						int length = Math.min(4096, this.body.length - start);
						out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(this.body, start, length);
						out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				else {
					out.writeBytes(this.body);
				}
			}
			else if (this.chunked) {
				out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			return out.toByteArray();
		}

		Response send() {
			return RawHttp.this.send(bytes());
		}

		@Override
		public String toString() {
			return this.method + " " + this.target;
		}

	}

	/** Sends these bytes as they are and reads the response until the server closes. */
	Response send(byte[] request) {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (SocketException ex) {
				// the server may answer and close before it has read everything
			}
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			try {
				int read;
				// until the response is complete: the server may go on reading (and
				// discarding) a body it has refused before it closes
				while (!isComplete(received.toByteArray()) && (read = in.read(buffer)) != -1) {
					received.write(buffer, 0, read);
				}
			}
			catch (SocketException ex) {
				// reset after the response
			}
			return Response.parse(received.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isComplete(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String head = text.substring(0, end).toLowerCase(Locale.ROOT);
		java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
		if (length.find()) {
			return bytes.length - (end + 4) >= Long.parseLong(length.group(1));
		}
		if (head.contains("\r\ncontent-type: text/event-stream")) {
			// a live stream does not end; its head is the answer
			return true;
		}
		if (head.contains("\r\ntransfer-encoding: chunked")) {
			return text.endsWith("\r\n0\r\n\r\n") || text.substring(end + 4).startsWith("0\r\n\r\n");
		}
		return head.startsWith("http/1.1 1") || head.startsWith("http/1.1 204") || head.startsWith("http/1.1 304");
	}

	record Response(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("No complete response: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
			List<String> encoding = headers.get("transfer-encoding");
			if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
				body = dechunk(body);
			}
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int position = 0;
			while (position < chunked.length) {
				int lineEnd = position;
				while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
					lineEnd++;
				}
				String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				int start = lineEnd + 2;
				out.write(chunked, start, Math.min(size, chunked.length - start));
				position = start + size + 2;
			}
			return out.toByteArray();
		}

	}

}
