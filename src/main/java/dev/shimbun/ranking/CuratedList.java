package dev.shimbun.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A list of articles chosen by editors, such as ランキング or おすすめニュース. */
@Entity
@Table(name = "curated_list")
public class CuratedList {

	/** The most entries a list holds. */
	public static final int MAX_ENTRIES = 20;

	/** The longest heading, in characters. */
	public static final int HEADING_LENGTH = 120;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "list_key")
	private String key;

	private String heading;

	private boolean numbered;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@Column(name = "list_mode")
	private ListMode mode = ListMode.CURATED;

	@Version
	private long version;

	@OneToMany(mappedBy = "list", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<CuratedListEntry> entries = new ArrayList<>();

	protected CuratedList() {
	}

	public CuratedList(String key, String heading, boolean numbered) {
		this.key = key;
		this.heading = heading;
		this.numbered = numbered;
	}

	/** Changes how the list is introduced: its heading and whether it is numbered. */
	void retitle(String heading, boolean numbered) {
		if (heading == null || heading.isBlank() || heading.length() > HEADING_LENGTH) {
			throw new IllegalArgumentException("Heading blank or longer than " + HEADING_LENGTH);
		}
		this.heading = heading;
		this.numbered = numbered;
	}

	/**
	 * Makes the list hold exactly these entries, in this order. An article already in the
	 * list keeps its entry (moved, relabelled, rescheduled); the others are added or
	 * removed.
	 */
	void replaceEntries(List<EntryPlan> plans) {
		if (plans.size() > MAX_ENTRIES) {
			throw new IllegalArgumentException("More than " + MAX_ENTRIES + " entries");
		}
		Set<Long> articleIds = new HashSet<>();
		for (EntryPlan plan : plans) {
			if (!articleIds.add(plan.article().getId())) {
				throw new IllegalArgumentException("Article " + plan.article().getId() + " twice in one list");
			}
		}
		Map<Long, CuratedListEntry> existing = new HashMap<>();
		for (CuratedListEntry entry : this.entries) {
			existing.put(entry.getArticle().getId(), entry);
		}
		List<CuratedListEntry> replaced = new ArrayList<>();
		for (int position = 0; position < plans.size(); position++) {
			EntryPlan plan = plans.get(position);
			CuratedListEntry entry = existing.remove(plan.article().getId());
			if (entry != null) {
				entry.place(position, plan);
			}
			else {
				entry = new CuratedListEntry(this, position, plan);
			}
			replaced.add(entry);
		}
		this.entries.clear();
		this.entries.addAll(replaced);
	}

	/** Switches where the entries come from; takes effect on the next page. */
	void switchMode(ListMode mode) {
		this.mode = java.util.Objects.requireNonNull(mode);
	}

	public ListMode getMode() {
		return this.mode;
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public String getHeading() {
		return this.heading;
	}

	public boolean isNumbered() {
		return this.numbered;
	}

	public long getVersion() {
		return this.version;
	}

	public List<CuratedListEntry> getEntries() {
		return Collections.unmodifiableList(this.entries);
	}

}
