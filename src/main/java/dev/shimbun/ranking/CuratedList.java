package dev.shimbun.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "list_key")
	private String key;

	private String heading;

	private boolean numbered;

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

	public List<CuratedListEntry> getEntries() {
		return Collections.unmodifiableList(this.entries);
	}

}
