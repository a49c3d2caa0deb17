package dev.shimbun.category;

/** A new category: its name in the menus and its slug in addresses. */
public class CategoryForm {

	private String name;

	private String slug;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

}
