package dev.shimbun.category;

/** A category's new name. */
public class RenameForm {

	private String name;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
