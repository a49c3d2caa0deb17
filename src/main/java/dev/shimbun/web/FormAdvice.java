package dev.shimbun.web;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Form binding for every controller: strings are trimmed (passwords are taken as typed),
 * and a save over somebody else's newer save ends on a 409 conflict page, never a 500.
 * Features with a richer conflict page (articles) handle it themselves first.
 */
@ControllerAdvice
class FormAdvice {

	@InitBinder
	void trimStrings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
		binder.registerCustomEditor(String.class, "password", new AsTyped());
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict() {
		return "admin/conflict";
	}

	/** A string editor that leaves the text alone. */
	private static final class AsTyped extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
