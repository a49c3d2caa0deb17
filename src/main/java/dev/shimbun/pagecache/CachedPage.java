package dev.shimbun.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered page as it is served: the bytes, gzipped once for the clients that accept
 * it, a strong ETag from the bytes, when it was rendered, and the tags by which it is
 * dropped ({@link PageTags}), and the route it was rendered under ({@link PageTimings}),
 * such as {@code /articles/{slug}}.
 */
record CachedPage(byte[] body, byte[] gzipped, String contentType, String contentLanguage,
		Map<String, List<String>> headers, String etag, Instant lastModified, Set<String> tags, String route) {

	static CachedPage of(PageKey key, byte[] body, String contentType, String contentLanguage,
			Map<String, List<String>> headers, Instant renderedAt, String route, Set<String> declaredTags) {
		return new CachedPage(body, gzip(body), contentType, contentLanguage, headers, etag(body),
				renderedAt.truncatedTo(ChronoUnit.SECONDS), PageTags.of(key, body, declaredTags), route);
	}

	/** Roughly what the page takes in memory, in bytes. */
	int weight() {
		return this.body.length + this.gzipped.length + 200 + 48 * this.tags.size();
	}

	/** Whether the page carries any of these tags. */
	boolean isTagged(Set<String> any) {
		for (String tag : any) {
			if (this.tags.contains(tag)) {
				return true;
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
