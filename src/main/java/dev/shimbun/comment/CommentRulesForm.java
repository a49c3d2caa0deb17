package dev.shimbun.comment;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The site's comment rules as the admin edits them. Word lists are one word per line;
 * they are tidied as they are bound (line breaks, spaces around words, empty lines and
 * repeats), so that the limit counts what is stored.
 */
public class CommentRulesForm {

	/** The most characters of each word list, as stored. */
	static final int MAX_WORDS_LENGTH = 4000;

	/** The most links a comment may have before it waits for a moderator, at most. */
	static final int MAX_LINKS_LIMIT = 50;

	@Size(max = MAX_WORDS_LENGTH)
	private String bannedWords = "";

	@Size(max = MAX_WORDS_LENGTH)
	private String suspectWords = "";

	@NotNull
	@Min(0)
	@Max(MAX_LINKS_LIMIT)
	private Integer maxLinks;

	@NotNull
	private CommentOrder defaultOrder = CommentOrder.NEWEST;

	private long version;

	static CommentRulesForm from(CommentRules rules) {
		CommentRulesForm form = new CommentRulesForm();
		form.setBannedWords(rules.getBannedWords());
		form.setSuspectWords(rules.getSuspectWords());
		form.maxLinks = rules.getMaxLinks();
		form.defaultOrder = rules.getDefaultOrder();
		form.version = rules.getVersion();
		return form;
	}

	/** One word a line, each once, in the order given. */
	static String tidy(String words) {
		if (words == null) {
			return "";
		}
		Set<String> kept = new LinkedHashSet<>(CommentRules.words(words));
		return String.join("\n", kept);
	}

	public String getBannedWords() {
		return this.bannedWords;
	}

	public void setBannedWords(String bannedWords) {
		this.bannedWords = tidy(bannedWords);
	}

	public String getSuspectWords() {
		return this.suspectWords;
	}

	public void setSuspectWords(String suspectWords) {
		this.suspectWords = tidy(suspectWords);
	}

	public Integer getMaxLinks() {
		return this.maxLinks;
	}

	public void setMaxLinks(Integer maxLinks) {
		this.maxLinks = maxLinks;
	}

	public CommentOrder getDefaultOrder() {
		return this.defaultOrder;
	}

	public void setDefaultOrder(CommentOrder defaultOrder) {
		this.defaultOrder = defaultOrder;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
