package dev.shimbun.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A category's new name. A name that is only white space (a full-width space too) is
 * taken as nothing typed.
 */
public class RenameForm {

	@NotBlank
	@Size(max = Category.NAME_LENGTH)
	private String name;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = CategoryForm.orEmpty(name);
	}

}
