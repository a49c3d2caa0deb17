package dev.shimbun.ranking;

/** Where a curated list's entries come from. */
public enum ListMode {

	/** Chosen by editors, as seeded. */
	CURATED,
	/** Computed from real reads. */
	COMPUTED,
	/** Computed, with the editors' entries pinned on top. */
	PINNED

}
