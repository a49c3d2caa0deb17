package dev.shimbun.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A random secret the site keeps in its database, the same for every instance. */
@Entity
@Table(name = "site_secret")
class SiteSecret {

	@Id
	private String name;

	private String secret;

	protected SiteSecret() {
	}

	SiteSecret(String name, String secret) {
		this.name = name;
		this.secret = secret;
	}

	String getSecret() {
		return this.secret;
	}

}
