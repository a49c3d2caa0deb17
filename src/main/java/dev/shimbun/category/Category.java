package dev.shimbun.category;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A section of the site; the main menus list categories by position. */
@Entity
public class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	private int position;

	protected Category() {
	}

	public Category(String slug, String name, int position) {
		this.slug = slug;
		this.name = name;
		this.position = position;
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
