package dev.shimbun.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ES modules the staff pages may import by name: the article body editor's
 * ProseMirror packages, served from their WebJars under {@code /webjars}. The import map
 * is the only inline script of the site; the staff pages' Content-Security-Policy allows
 * it by its hash ({@link #IMPORT_MAP_HASH}) and nothing else inline.
 */
public final class AdminScripts {

	/** Each package and the file of its version (kept in step with the pom). */
	static final Map<String, String> MODULES = modules();

	/** The {@code <script type="importmap">} body, exactly as the page writes it. */
	public static final String IMPORT_MAP = MODULES.entrySet()
		.stream()
		.map((module) -> "\"" + module.getKey() + "\":\"" + module.getValue() + "\"")
		.collect(Collectors.joining(",", "{\"imports\":{", "}}"));

	/** The CSP source that allows {@link #IMPORT_MAP} and only it. */
	static final String IMPORT_MAP_HASH = "'sha256-" + sha256(IMPORT_MAP) + "'";

	/**
	 * The policy of the staff's article preview: the site's own, framable by the site's
	 * pages only (the editor shows it at phone and desktop widths).
	 */
	public static final String PREVIEW_CONTENT_SECURITY_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
			+ "; frame-ancestors 'self'";

	private AdminScripts() {
	}

	private static Map<String, String> modules() {
		Map<String, String> modules = new LinkedHashMap<>();
		module(modules, "prosemirror-model", "1.25.4", "dist/index.js");
		module(modules, "prosemirror-state", "1.4.4", "dist/index.js");
		module(modules, "prosemirror-view", "1.41.5", "dist/index.js");
		module(modules, "prosemirror-transform", "1.11.0", "dist/index.js");
		module(modules, "prosemirror-commands", "1.7.1", "dist/index.js");
		module(modules, "prosemirror-keymap", "1.2.3", "dist/index.js");
		module(modules, "prosemirror-history", "1.5.0", "dist/index.js");
		module(modules, "prosemirror-schema-list", "1.5.1", "dist/index.js");
		module(modules, "prosemirror-inputrules", "1.5.1", "dist/index.js");
		module(modules, "prosemirror-dropcursor", "1.8.2", "dist/index.js");
		module(modules, "prosemirror-gapcursor", "1.4.0", "dist/index.js");
		module(modules, "orderedmap", "2.1.1", "dist/index.js");
		module(modules, "rope-sequence", "1.3.4", "dist/index.js");
		module(modules, "w3c-keyname", "2.2.8", "index.js");
		return modules;
	}

	private static void module(Map<String, String> modules, String name, String version, String file) {
		modules.put(name, "/webjars/" + name + "/" + version + "/" + file);
	}

	private static String sha256(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
