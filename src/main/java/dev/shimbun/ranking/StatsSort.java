package dev.shimbun.ranking;

/**
 * The orders of the statistics table: most views in the last 24 hours, the last 7 days or
 * all time. Each has the value it takes in the address ({@code ?sort=7d}).
 */
public enum StatsSort {

	DAY("24h"), WEEK("7d"), ALL("all");

	private final String param;

	StatsSort(String param) {
		this.param = param;
	}

	public String getParam() {
		return this.param;
	}

	/** The order a request asks for; anything unknown is the default, 24 hours. */
	static StatsSort parse(String value) {
		for (StatsSort sort : values()) {
			if (sort.param.equalsIgnoreCase(String.valueOf(value).strip())) {
				return sort;
			}
		}
		return DAY;
	}

}
