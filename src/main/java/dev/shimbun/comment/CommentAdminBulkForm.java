package dev.shimbun.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The moderators' list as a form: the chosen comments, the version of each as the page
 * showed it, and what to do to them. A deletion is confirmed on a second page first.
 */
public class CommentAdminBulkForm {

	private List<Long> ids = new ArrayList<>();

	private Map<Long, Long> versions = new HashMap<>();

	private String action;

	private boolean confirmed;

	/** The chosen comments, each once. */
	List<Long> chosen() {
		return this.ids.stream().filter(Objects::nonNull).distinct().toList();
	}

	public List<Long> getIds() {
		return this.ids;
	}

	public void setIds(List<Long> ids) {
		this.ids = (ids != null) ? ids : new ArrayList<>();
	}

	public Map<Long, Long> getVersions() {
		return this.versions;
	}

	public void setVersions(Map<Long, Long> versions) {
		this.versions = (versions != null) ? versions : new HashMap<>();
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public boolean isConfirmed() {
		return this.confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

}
