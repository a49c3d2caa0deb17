package dev.shimbun.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new category: its name in the menus and its slug in addresses. Text that is only
 * white space (as {@link String#isBlank()} sees it, so a full-width space too) is taken
 * as nothing typed.
 */
public class CategoryForm {

	@NotBlank
	@Size(max = Category.NAME_LENGTH)
	private String name;

	@NotBlank
	@Size(max = Category.SLUG_LENGTH)
	@CategorySlug
	private String slug;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = orEmpty(name);
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = orEmpty(slug);
	}

	/** Blank text as the empty string, other text as it is. */
	static String orEmpty(String text) {
		return (text != null && text.isBlank()) ? "" : text;
	}

}
