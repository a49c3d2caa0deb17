package dev.shimbun.category;

import org.springframework.validation.Errors;

/** The rules of category names and slugs, reported with the categories' messages. */
final class CategoryRules {

	private CategoryRules() {
	}

	static void checkName(String name, Errors errors) {
		if (name == null || name.isBlank()) {
			errors.rejectValue("name", "categories.error.nameRequired");
		}
		else if (name.length() > Category.NAME_LENGTH) {
			errors.rejectValue("name", "categories.error.nameTooLong", new Object[] { Category.NAME_LENGTH }, null);
		}
	}

	static void checkSlug(String slug, Errors errors) {
		if (slug == null || slug.isBlank()) {
			errors.rejectValue("slug", "categories.error.slugRequired");
		}
		else if (slug.length() > Category.SLUG_LENGTH) {
			errors.rejectValue("slug", "categories.error.slugTooLong", new Object[] { Category.SLUG_LENGTH }, null);
		}
		else if (!slug.matches(Category.SLUG_PATTERN)) {
			errors.rejectValue("slug", "categories.error.slugFormat");
		}
	}

}
