package dev.shimbun.ranking;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The edit form of one curated list: its heading, whether it is numbered, where its
 * entries come from (its mode) and its entries in order. The form travels back and forth
 * while the editor moves, removes and adds entries, and is saved as a whole. Times are
 * local to the site's zone.
 */
public class ListForm {

	private long version;

	private String heading;

	private boolean numbered;

	/** Where the entries come from; {@code null} (not sent) keeps the saved mode. */
	private ListMode mode;

	private List<EntryForm> entries = new ArrayList<>();

	/** Moves the entry at an index one place up; false if there is no such move. */
	boolean moveUp(int index) {
		if (index < 1 || index >= this.entries.size()) {
			return false;
		}
		Collections.swap(this.entries, index, index - 1);
		return true;
	}

	/** Moves the entry at an index one place down; false if there is no such move. */
	boolean moveDown(int index) {
		if (index < 0 || index >= this.entries.size() - 1) {
			return false;
		}
		Collections.swap(this.entries, index, index + 1);
		return true;
	}

	/** Removes the entry at an index; false if there is none. */
	boolean remove(int index) {
		if (index < 0 || index >= this.entries.size()) {
			return false;
		}
		this.entries.remove(index);
		return true;
	}

	/**
	 * Appends an article without label or window; false if it is there or the list is
	 * full.
	 */
	boolean add(Long articleId) {
		if (contains(articleId) || isFull()) {
			return false;
		}
		EntryForm entry = new EntryForm();
		entry.setArticleId(articleId);
		this.entries.add(entry);
		return true;
	}

	public boolean contains(Long articleId) {
		return this.entries.stream().anyMatch((entry) -> Objects.equals(entry.getArticleId(), articleId));
	}

	public boolean isFull() {
		return this.entries.size() >= CuratedList.MAX_ENTRIES;
	}

	/** The article ids of the entries, in order. */
	List<Long> articleIds() {
		return this.entries.stream().map(EntryForm::getArticleId).filter(Objects::nonNull).toList();
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getHeading() {
		return this.heading;
	}

	public void setHeading(String heading) {
		this.heading = heading;
	}

	public boolean isNumbered() {
		return this.numbered;
	}

	public void setNumbered(boolean numbered) {
		this.numbered = numbered;
	}

	public ListMode getMode() {
		return this.mode;
	}

	public void setMode(ListMode mode) {
		this.mode = mode;
	}

	public List<EntryForm> getEntries() {
		return this.entries;
	}

	public void setEntries(List<EntryForm> entries) {
		this.entries = entries;
	}

	/** One entry: the article (by id, never edited here), its label and its window. */
	public static class EntryForm {

		/** How {@code <input type="datetime-local">} sends and shows a time. */
		static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

		static final String DATE_TIME_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

		private Long articleId;

		private String label;

		@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS)
		private LocalDateTime startsAt;

		@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS)
		private LocalDateTime endsAt;

		public Long getArticleId() {
			return this.articleId;
		}

		public void setArticleId(Long articleId) {
			this.articleId = articleId;
		}

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public LocalDateTime getStartsAt() {
			return this.startsAt;
		}

		public void setStartsAt(LocalDateTime startsAt) {
			this.startsAt = startsAt;
		}

		public LocalDateTime getEndsAt() {
			return this.endsAt;
		}

		public void setEndsAt(LocalDateTime endsAt) {
			this.endsAt = endsAt;
		}

	}

}
