package dev.shimbun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The source page of the seed content (a copy of {@code shared/seed/edd-article.txt}),
 * read so that tests compare the site with the source rather than with their own copies
 * of it.
 */
public final class SeedSource {

	/**
	 * The one title that the source spells two ways ("..." in the ranking, "…" in the
	 * also-read list): the site keeps one article with the "…" spelling (docs/seed.md).
	 */
	private static final String RANKING_VARIANT = "「合意内容と違う!」トランプ政権の“成果誇張外交”に日本・韓国困惑...経済同盟に深まる“信頼の亀裂”";

	private static final String CANONICAL = "「合意内容と違う!」トランプ政権の“成果誇張外交”に日本・韓国困惑…経済同盟に深まる“信頼の亀裂”";

	private final List<String> lines;

	private SeedSource(List<String> lines) {
		this.lines = lines;
	}

	public static SeedSource load() {
		try (InputStream in = SeedSource.class.getResourceAsStream("/edd-article.txt")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new SeedSource(List.of(text.split("\n", -1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<String> skipLinks() {
		return List.of(this.lines.get(0).trim().split(" "));
	}

	public String headline() {
		return this.lines.get(2).trim();
	}

	public String author() {
		return this.lines.get(4).trim().split(" ")[0];
	}

	/**
	 * The body paragraphs: the non-empty lines between the two runs of figure credits.
	 */
	public List<String> paragraphs() {
		List<String> paragraphs = new ArrayList<>();
		int i = indexOfFirst("米国と日本は");
		while (!this.lines.get(i).startsWith("引用:")) {
			if (!this.lines.get(i).isBlank()) {
				paragraphs.add(this.lines.get(i).trim());
			}
			i++;
		}
		return paragraphs;
	}

	/** The credit lines under the photos, in order. */
	public List<String> figureCaptions() {
		return this.lines.stream().filter((line) -> line.startsWith("引用:")).map(String::trim).toList();
	}

	public String authorEmail() {
		return this.lines.stream().filter((line) -> line.contains("@")).findFirst().orElseThrow().trim();
	}

	/** The titles of the list under a heading (the first list with that heading). */
	public List<String> listTitles(String heading) {
		return listEntries(heading).stream().map(Entry::title).toList();
	}

	/** The entries of the list under a heading, with labels for numbered lists. */
	public List<Entry> listEntries(String heading) {
		int i = this.lines.indexOf(heading) + 1;
		List<Entry> entries = new ArrayList<>();
		while (i < this.lines.size()) {
			String line = this.lines.get(i).trim();
			if (line.isEmpty()) {
				i++;
				continue;
			}
			if (!line.startsWith("•")) {
				break;
			}
			String item = line.substring(1).trim();
			if (item.matches("\\d+")) {
				i = nextNonBlank(i + 1);
				String title = this.lines.get(i).trim();
				i = nextNonBlank(i + 1);
				String label = clean(this.lines.get(i));
				entries.add(new Entry(canonical(title), label));
			}
			else {
				entries.add(new Entry(canonical(item), null));
			}
			i++;
		}
		return entries;
	}

	/** Trims white space, the no-break spaces of the source included. */
	private static String clean(String line) {
		return line.replace('\u00A0', ' ').strip();
	}

	private static String canonical(String title) {
		return RANKING_VARIANT.equals(title) ? CANONICAL : title;
	}

	private int nextNonBlank(int from) {
		int i = from;
		while (this.lines.get(i).isBlank()) {
			i++;
		}
		return i;
	}

	private int indexOfFirst(String prefix) {
		for (int i = 0; i < this.lines.size(); i++) {
			if (this.lines.get(i).startsWith(prefix)) {
				return i;
			}
		}
		throw new IllegalStateException("Not in the source: " + prefix);
	}

	/** A list entry of the source: a title and, in numbered lists, a category label. */
	public record Entry(String title, String label) {
	}

}
