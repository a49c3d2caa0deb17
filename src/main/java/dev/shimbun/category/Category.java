package dev.shimbun.category;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A section of the site; the main menus list categories by position. */
@Entity
public class Category {

	/** The longest name, in characters. */
	public static final int NAME_LENGTH = 80;

	/** The longest slug. */
	public static final int SLUG_LENGTH = 80;

	/** A slug: lower-case ASCII letters and digits in words joined by single hyphens. */
	public static final String SLUG_PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private int position;

	protected Category() {
	}

	public Category(String slug, String name, int position) {
		if (slug == null || slug.length() > SLUG_LENGTH || !slug.matches(SLUG_PATTERN)) {
			throw new IllegalArgumentException("Not a slug: " + slug);
		}
		this.slug = slug;
		this.name = checkedName(name);
		this.position = position;
	}

	/** Gives the category a new name; its slug, and so its address, stays. */
	void rename(String name) {
		this.name = checkedName(name);
	}

	/** Puts the category at a place in the main menus (1 is first). */
	void moveTo(int position) {
		this.position = position;
	}

	private static String checkedName(String name) {
		if (name == null || name.isBlank() || name.length() > NAME_LENGTH) {
			throw new IllegalArgumentException("Category name blank or longer than " + NAME_LENGTH);
		}
		return name;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public int getPosition() {
		return this.position;
	}

}
