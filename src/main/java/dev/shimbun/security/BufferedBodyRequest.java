package dev.shimbun.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.MediaType;

/**
 * A request whose body has been read already: the body is served again, and a form's
 * parameters are decoded from it (the container no longer can).
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private Map<String, String[]> parameters;

	private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/**
	 * The request with its body read, or {@code null} when the body is longer than the
	 * limit (then read no further than the limit).
	 */
	static BufferedBodyRequest readAtMost(HttpServletRequest request, long limit) throws IOException {
		InputStream input = request.getInputStream();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = input.read(buffer)) != -1) {
			if (body.size() + read > limit) {
				return null;
			}
			body.write(buffer, 0, read);
		}
		return new BufferedBodyRequest(request, body.toByteArray());
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream input = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return input.read();
			}

			@Override
			public int read(byte[] bytes, int offset, int length) {
				return input.read(bytes, offset, length);
			}

			@Override
			public boolean isFinished() {
				return input.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException();
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
	}

	@Override
	public String getParameter(String name) {
		String[] values = getParameterMap().get(name);
		return (values != null) ? values[0] : null;
	}

	@Override
	public String[] getParameterValues(String name) {
		String[] values = getParameterMap().get(name);
		return (values != null) ? values.clone() : null;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(getParameterMap().keySet());
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		if (this.parameters == null) {
			// the query's parameters (the container cannot read a consumed body)
			Map<String, String[]> all = new LinkedHashMap<>(super.getParameterMap());
			if (isForm()) {
				String form = new String(this.body, StandardCharsets.ISO_8859_1);
				for (String pair : form.split("&")) {
					if (pair.isEmpty()) {
						continue;
					}
					int equals = pair.indexOf('=');
					String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
					String value = decode((equals >= 0) ? pair.substring(equals + 1) : "");
					String[] values = all.get(name);
					String[] added = (values != null) ? Arrays.copyOf(values, values.length + 1) : new String[1];
					added[added.length - 1] = value;
					all.put(name, added);
				}
			}
			this.parameters = Collections.unmodifiableMap(all);
		}
		return this.parameters;
	}

	private boolean isForm() {
		String contentType = getContentType();
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Percent-decoded, then read as UTF-8: invalid UTF-8 becomes replacement characters,
	 * which are then refused; a broken percent sequence throws
	 * {@link IllegalArgumentException}.
	 */
	private static String decode(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new IllegalArgumentException("Incomplete percent sequence");
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("Invalid percent sequence");
				}
				bytes.write((high << 4) + low);
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
