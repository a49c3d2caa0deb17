package dev.shimbun.category;

/** A category as menus and pages show it. */
public record CategoryView(Long id, String slug, String name) {

	static CategoryView of(Category category) {
		return new CategoryView(category.getId(), category.getSlug(), category.getName());
	}

	public String path() {
		return "/categories/" + this.slug;
	}

}
