package dev.shimbun.ranking;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import static org.assertj.core.api.Assertions.assertThat;

/** The list form's moves and the rules checked before a list is saved. */
class ListFormTests {

	@Test
	void entriesMoveUpAndDownWithinTheList() {
		ListForm form = form(1, 2, 3);
		assertThat(form.moveUp(2)).isTrue();
		assertThat(form.articleIds()).containsExactly(1L, 3L, 2L);
		assertThat(form.moveDown(0)).isTrue();
		assertThat(form.articleIds()).containsExactly(3L, 1L, 2L);
		assertThat(form.moveUp(0)).isFalse();
		assertThat(form.moveDown(2)).isFalse();
		assertThat(form.moveUp(7)).isFalse();
		assertThat(form.moveDown(-1)).isFalse();
		assertThat(form.articleIds()).containsExactly(3L, 1L, 2L);
	}

	@Test
	void removeTakesOutOneEntryAndKeepsTheOthersAsTyped() {
		ListForm form = form(1, 2, 3);
		form.getEntries().get(2).setLabel("速報");
		assertThat(form.remove(1)).isTrue();
		assertThat(form.articleIds()).containsExactly(1L, 3L);
		assertThat(form.getEntries().get(1).getLabel()).isEqualTo("速報");
		assertThat(form.remove(2)).isFalse();
	}

	@Test
	void addAppendsAnArticleOnceAndNotBeyondTwenty() {
		ListForm form = form(1, 2);
		assertThat(form.add(3L)).isTrue();
		assertThat(form.add(1L)).isFalse();
		assertThat(form.articleIds()).containsExactly(1L, 2L, 3L);
		ListForm full = form(LongStream.rangeClosed(1, 20).toArray());
		assertThat(full.isFull()).isTrue();
		assertThat(full.add(21L)).isFalse();
	}

	@Test
	void aValidFormHasNoErrors() {
		ListForm form = form(1, 2);
		form.getEntries().get(0).setLabel("長".repeat(60));
		form.getEntries().get(1).setStartsAt(LocalDateTime.parse("2026-01-15T12:00"));
		form.getEntries().get(1).setEndsAt(LocalDateTime.parse("2026-01-15T12:01"));
		assertThat(validate(form).getAllErrors()).isEmpty();
	}

	@Test
	void rulesAreReportedAtTheEntryTheyConcern() {
		ListForm form = form(1, 2, 1);
		form.setHeading(" ");
		form.getEntries().get(0).setLabel("長".repeat(61));
		form.getEntries().get(1).setStartsAt(LocalDateTime.parse("2026-01-15T12:00"));
		form.getEntries().get(1).setEndsAt(LocalDateTime.parse("2026-01-15T12:00"));
		Errors errors = validate(form);
		assertThat(errors.getFieldError("heading").getCode()).isEqualTo("lists.error.headingRequired");
		assertThat(errors.getFieldError("entries[0].label").getCode()).isEqualTo("lists.error.labelTooLong");
		assertThat(errors.getFieldError("entries[0].label").getArguments()).containsExactly(1, 60);
		assertThat(errors.getFieldError("entries[1].endsAt").getCode()).isEqualTo("lists.error.window");
		assertThat(errors.getFieldError("entries[2].articleId").getCode()).isEqualTo("lists.error.duplicate");
		assertThat(errors.getFieldError("entries[2].articleId").getArguments()).containsExactly(3, 1);
		assertThat(errors.getErrorCount()).isEqualTo(4);
	}

	@Test
	void moreThanTwentyEntriesAreRefused() {
		Errors errors = validate(form(LongStream.rangeClosed(1, 21).toArray()));
		assertThat(errors.getFieldError("entries").getCode()).isEqualTo("lists.error.tooMany");
	}

	@Test
	void buttonValuesAreReadAsActions() {
		assertThat(ListAdminController.Action.parse("save").kind()).isEqualTo(ListAdminController.Action.Kind.SAVE);
		assertThat(ListAdminController.Action.parse("up:3"))
			.isEqualTo(new ListAdminController.Action(ListAdminController.Action.Kind.UP, 3));
		assertThat(ListAdminController.Action.parse("down:0"))
			.isEqualTo(new ListAdminController.Action(ListAdminController.Action.Kind.DOWN, 0));
		assertThat(ListAdminController.Action.parse("delete:2"))
			.isEqualTo(new ListAdminController.Action(ListAdminController.Action.Kind.DELETE, 2));
		assertThat(ListAdminController.Action.parse("add:41").articleId()).isEqualTo(41L);
		for (String value : List.of("", "search", "up:", "up:x", "save:1", "jump:2", ":3", "remove:2")) {
			assertThat(ListAdminController.Action.parse(value).kind()).as(value)
				.isEqualTo(ListAdminController.Action.Kind.REFRESH);
		}
	}

	private static Errors validate(ListForm form) {
		Errors errors = new BeanPropertyBindingResult(form, "form");
		new ListFormValidator().validate(form, errors);
		return errors;
	}

	private static ListForm form(long... articleIds) {
		ListForm form = new ListForm();
		form.setHeading("話題");
		for (long id : articleIds) {
			ListForm.EntryForm entry = new ListForm.EntryForm();
			entry.setArticleId(id);
			form.getEntries().add(entry);
		}
		return form;
	}

}
