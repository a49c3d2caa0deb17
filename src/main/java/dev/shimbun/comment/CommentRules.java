package dev.shimbun.comment;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The site's rules for comments, edited in the admin: banned words are refused, suspect
 * words and too many links send a comment to the moderators first. Words are one per
 * line, matched without regard to case, full/half width, compatibility forms or invisible
 * characters inside them.
 */
@Entity
@Table(name = "comment_rules")
public class CommentRules {

	static final long ID = 1L;

	private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.)");

	@Id
	private Long id;

	@Column(name = "banned_words")
	private String bannedWords;

	@Column(name = "suspect_words")
	private String suspectWords;

	@Column(name = "max_links")
	private int maxLinks;

	@Enumerated(EnumType.STRING)
	@Column(name = "default_order")
	private CommentOrder defaultOrder = CommentOrder.NEWEST;

	@Version
	private long version;

	protected CommentRules() {
	}

	CommentRules(String bannedWords, String suspectWords, int maxLinks) {
		this.id = ID;
		change(bannedWords, suspectWords, maxLinks);
	}

	void change(String bannedWords, String suspectWords, int maxLinks) {
		this.bannedWords = (bannedWords != null) ? bannedWords : "";
		this.suspectWords = (suspectWords != null) ? suspectWords : "";
		this.maxLinks = maxLinks;
	}

	/** The first banned word in the text, if any. */
	String bannedWordIn(String text) {
		return firstIn(words(this.bannedWords), text);
	}

	/** Why the text should wait for a moderator, or {@code null}. */
	String queueReasonFor(String text) {
		String suspect = firstIn(words(this.suspectWords), text);
		if (suspect != null) {
			return "要注意語: " + suspect;
		}
		int links = 0;
		Matcher matcher = LINK.matcher(text);
		while (matcher.find()) {
			links++;
		}
		return (links > this.maxLinks) ? "リンク" + links + "件" : null;
	}

	/**
	 * The first word found in the text, both compared without invisible characters, after
	 * NFKC and case folding (see {@link CommentText#fold}). A word that folds to nothing
	 * (only invisible characters) matches nothing.
	 */
	private static String firstIn(List<String> words, String text) {
		String folded = CommentText.fold(text);
		return words.stream().filter((word) -> {
			String foldedWord = CommentText.fold(word);
			return !foldedWord.isBlank() && folded.contains(foldedWord);
		}).findFirst().orElse(null);
	}

	static List<String> words(String lines) {
		return Arrays.stream(lines.split("\\R")).map(String::strip).filter((word) -> !word.isEmpty()).toList();
	}

	public String getBannedWords() {
		return this.bannedWords;
	}

	public String getSuspectWords() {
		return this.suspectWords;
	}

	public int getMaxLinks() {
		return this.maxLinks;
	}

	/** The order readers see an article's comments in unless they choose another. */
	public CommentOrder getDefaultOrder() {
		return this.defaultOrder;
	}

	void order(CommentOrder defaultOrder) {
		this.defaultOrder = (defaultOrder != null) ? defaultOrder : CommentOrder.NEWEST;
	}

	public long getVersion() {
		return this.version;
	}

}
