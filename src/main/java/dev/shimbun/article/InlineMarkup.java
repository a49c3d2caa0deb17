package dev.shimbun.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import org.springframework.web.util.HtmlUtils;

/**
 * The inline markup of a paragraph, as editors type it without JavaScript and as it is
 * stored: {@code **太字**}, {@code *強調*}, {@code [文字](https://example.jp/)} and
 * {@code {漢字|かんじ}} for ruby; a link may end with {@code nofollow} and/or
 * {@code sponsored} after its address ({@code [文字](https://example.jp/ sponsored)}) for
 * the {@code rel} of paid or unvouched links. A backslash makes the next of {@code \ * [
 * ] ( ) { } |} a plain character. Anything else is text, and a marker that is not closed
 * is text too.
 * <p>
 * Links go only to {@code http}, {@code https}, {@code mailto} or a path of this site;
 * any other address leaves the link's words without a link. The HTML is written escaped
 * and then cleaned by jsoup with a list of the only elements and attributes a paragraph
 * may hold, so whatever an editor types ends up as text.
 */
public final class InlineMarkup {

	/** The characters a backslash makes plain. */
	private static final String SPECIAL = "\\*[](){}|";

	/** What editors may add to a link's {@code rel}. */
	private static final List<String> REL_WORDS = List.of("nofollow", "sponsored");

	/** The characters that can start markup, which {@link #escape} escapes. */
	private static final String OPENING = "\\*[{";

	private static final Safelist ALLOWED = Safelist.none()
		.addTags("strong", "em", "a", "ruby", "rt", "rp")
		.addAttributes("a", "href", "rel")
		.addProtocols("a", "href", "http", "https", "mailto")
		.preserveRelativeLinks(true);

	/**
	 * Only for {@link Safelist#preserveRelativeLinks}: a base the site's paths resolve
	 * to.
	 */
	private static final String BASE = "https://site.invalid";

	private InlineMarkup() {
	}

	/** A piece of a paragraph. */
	public sealed interface Node permits Text, Strong, Emphasis, Link, Ruby {

	}

	/** Plain text. */
	public record Text(String text) implements Node {
	}

	/** Strong importance ({@code <strong>}). */
	public record Strong(List<Node> children) implements Node {
	}

	/** Stress emphasis ({@code <em>}). */
	public record Emphasis(List<Node> children) implements Node {
	}

	/**
	 * A link; {@code external} when it leaves the site, {@code rel} the words editors
	 * added ({@code nofollow}, {@code sponsored}), in their order.
	 */
	public record Link(String href, boolean external, List<String> rel, List<Node> children) implements Node {
	}

	/** A reading (furigana) over a base text. */
	public record Ruby(String base, String reading) implements Node {
	}

	/** The pieces of a paragraph's markup. */
	public static List<Node> parse(String source) {
		if (source == null || source.isEmpty()) {
			return List.of();
		}
		Parser parser = new Parser(source);
		return parser.sequence(null, true);
	}

	/**
	 * The addresses of the links that may not be links (they show as their words only),
	 * for the editor to be told.
	 */
	public static List<String> rejectedLinks(String source) {
		if (source == null || source.isEmpty()) {
			return List.of();
		}
		Parser parser = new Parser(source);
		parser.sequence(null, true);
		return List.copyOf(parser.rejected);
	}

	/**
	 * What a reader reads, without markup: for search, feeds, descriptions and JSON-LD.
	 */
	public static String plainText(String source) {
		StringBuilder text = new StringBuilder();
		plain(parse(source), text);
		return text.toString();
	}

	/**
	 * The paragraph's contents as HTML, with only the allowed elements and attributes.
	 */
	public static String html(String source) {
		StringBuilder html = new StringBuilder();
		write(parse(source), html);
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html.toString(), BASE, ALLOWED, output);
	}

	/**
	 * Markup that reads as exactly this text: every character that could start markup
	 * ({@code \ * [ {}) escaped, nothing else touched.
	 */
	public static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (OPENING.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/**
	 * Whether a link may go to this address: {@code http}, {@code https} or
	 * {@code mailto}, or a path of this site ({@code /…}, not {@code //…}); never with a
	 * space, a control character, a backslash, a quote or an angle bracket.
	 */
	static boolean allowedHref(String href) {
		if (href.isEmpty() || href.chars().anyMatch((c) -> c <= ' ' || c == 0x7f || "\\\"'<>`".indexOf(c) >= 0)) {
			return false;
		}
		if (href.startsWith("/")) {
			return !href.startsWith("//");
		}
		String lower = href.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && href.length() > lower.indexOf("//") + 2
				|| lower.startsWith("mailto:") && href.length() > 7;
	}

	private static void plain(List<Node> nodes, StringBuilder text) {
		for (Node node : nodes) {
			if (node instanceof Text t) {
				text.append(t.text());
			}
			else if (node instanceof Strong s) {
				plain(s.children(), text);
			}
			else if (node instanceof Emphasis e) {
				plain(e.children(), text);
			}
			else if (node instanceof Link l) {
				plain(l.children(), text);
			}
			else if (node instanceof Ruby r) {
				text.append(r.base());
			}
		}
	}

	private static void write(List<Node> nodes, StringBuilder html) {
		for (Node node : nodes) {
			if (node instanceof Text t) {
				html.append(HtmlUtils.htmlEscape(t.text(), "UTF-8"));
			}
			else if (node instanceof Strong s) {
				wrap("strong", s.children(), html);
			}
			else if (node instanceof Emphasis e) {
				wrap("em", e.children(), html);
			}
			else if (node instanceof Link l) {
				html.append("<a href=\"").append(HtmlUtils.htmlEscape(l.href(), "UTF-8")).append('"');
				List<String> rel = new ArrayList<>();
				if (l.external()) {
					rel.add("noopener");
					rel.add("noreferrer");
				}
				rel.addAll(l.rel());
				if (!rel.isEmpty()) {
					html.append(" rel=\"").append(String.join(" ", rel)).append('"');
				}
				html.append('>');
				write(l.children(), html);
				html.append("</a>");
			}
			else if (node instanceof Ruby r) {
				html.append("<ruby>")
					.append(HtmlUtils.htmlEscape(r.base(), "UTF-8"))
					.append("<rp>(</rp><rt>")
					.append(HtmlUtils.htmlEscape(r.reading(), "UTF-8"))
					.append("</rt><rp>)</rp></ruby>");
			}
		}
	}

	private static void wrap(String tag, List<Node> children, StringBuilder html) {
		html.append('<').append(tag).append('>');
		write(children, html);
		html.append("</").append(tag).append('>');
	}

	/** A recursive-descent reader that falls back to text when a marker is not closed. */
	private static final class Parser {

		private final String source;

		private int at;

		/** Link addresses found and refused. */
		private final List<String> rejected = new ArrayList<>();

		Parser(String source) {
			this.source = source;
		}

		/**
		 * Pieces until {@code end} (consumed) or the end of the source; null when
		 * {@code end} is given and never found.
		 */
		List<Node> sequence(String end, boolean links) {
			List<Node> nodes = new ArrayList<>();
			StringBuilder text = new StringBuilder();
			while (this.at < this.source.length()) {
				// an emphasis ends at "*", not at the "**" of a strong inside it, but at
				// the first "*" of "***" (where an enclosing strong ends too)
				if (end != null && this.source.startsWith(end, this.at) && !(end.equals("*")
						&& this.source.startsWith("**", this.at) && !this.source.startsWith("***", this.at))) {
					this.at += end.length();
					flush(text, nodes);
					return nodes;
				}
				char c = this.source.charAt(this.at);
				int start = this.at;
				Node node = null;
				if (c == '\\' && this.at + 1 < this.source.length()
						&& SPECIAL.indexOf(this.source.charAt(this.at + 1)) >= 0) {
					text.append(this.source.charAt(this.at + 1));
					this.at += 2;
					continue;
				}
				if (this.source.startsWith("**", this.at)) {
					this.at += 2;
					List<Node> inner = sequence("**", links);
					node = (inner != null && !inner.isEmpty()) ? new Strong(inner) : null;
				}
				else if (c == '*') {
					this.at += 1;
					List<Node> inner = sequence("*", links);
					node = (inner != null && !inner.isEmpty()) ? new Emphasis(inner) : null;
				}
				else if (c == '[' && links) {
					node = link();
				}
				else if (c == '{') {
					node = ruby();
				}
				if (node == null) {
					// not a closed marker: its characters are text
					int width = this.source.startsWith("**", start) ? 2 : 1;
					text.append(this.source, start, start + width);
					this.at = start + width;
					continue;
				}
				flush(text, nodes);
				nodes.add(node);
			}
			if (end != null) {
				return null;
			}
			flush(text, nodes);
			return nodes;
		}

		private Node link() {
			this.at += 1;
			List<Node> label = sequence("]", false);
			if (label == null || label.isEmpty() || !this.source.startsWith("(", this.at)) {
				return null;
			}
			int close = this.source.indexOf(')', this.at + 1);
			if (close < 0) {
				return null;
			}
			String target = this.source.substring(this.at + 1, close);
			this.at = close + 1;
			// the address, then the rel words, each after one space
			String[] words = target.split(" ", -1);
			String href = words[0];
			List<String> rel = new ArrayList<>();
			for (int i = 1; i < words.length; i++) {
				if (!REL_WORDS.contains(words[i]) || rel.contains(words[i])) {
					this.rejected.add(target);
					return textOf(label);
				}
				rel.add(words[i]);
			}
			if (!allowedHref(href)) {
				// the words stay, without a link
				this.rejected.add(href);
				return textOf(label);
			}
			return new Link(href, !href.startsWith("/"), List.copyOf(rel), label);
		}

		private Node ruby() {
			int bar = this.source.indexOf('|', this.at + 1);
			int close = this.source.indexOf('}', this.at + 1);
			if (bar < 0 || close < 0 || bar > close) {
				return null;
			}
			String base = this.source.substring(this.at + 1, bar);
			String reading = this.source.substring(bar + 1, close);
			if (base.isBlank() || reading.isBlank() || base.indexOf('{') >= 0 || reading.indexOf('{') >= 0) {
				return null;
			}
			this.at = close + 1;
			return new Ruby(base, reading);
		}

		private static Node textOf(List<Node> nodes) {
			StringBuilder text = new StringBuilder();
			plain(nodes, text);
			return new Text(text.toString());
		}

		private static void flush(StringBuilder text, List<Node> nodes) {
			if (!text.isEmpty()) {
				nodes.add(new Text(text.toString()));
				text.setLength(0);
			}
		}

	}

}
