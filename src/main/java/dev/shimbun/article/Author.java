package dev.shimbun.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Who wrote an article: the byline name and the address readers may contact. */
@Entity
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "display_name")
	private String displayName;

	@Column(name = "contact_email")
	private String contactEmail;

	protected Author() {
	}

	public Author(String displayName, String contactEmail) {
		this.displayName = displayName;
		this.contactEmail = contactEmail;
	}

	public Long getId() {
		return this.id;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

}
