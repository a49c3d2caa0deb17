package dev.shimbun.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a list, checked before it is saved: a heading, labels of at most 60
 * characters, a window that ends after it starts, no article twice, at most 20 entries.
 * Messages name the entry by its place ("3番目"), as the form's labels do.
 */
class ListFormValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return ListForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		ListForm form = (ListForm) target;
		if (form.getHeading() == null || form.getHeading().isBlank()) {
			errors.rejectValue("heading", "lists.error.headingRequired");
		}
		else if (form.getHeading().length() > CuratedList.HEADING_LENGTH) {
			errors.rejectValue("heading", "lists.error.headingTooLong", new Object[] { CuratedList.HEADING_LENGTH },
					null);
		}
		List<ListForm.EntryForm> entries = form.getEntries();
		if (entries.size() > CuratedList.MAX_ENTRIES) {
			errors.rejectValue("entries", "lists.error.tooMany",
					new Object[] { CuratedList.MAX_ENTRIES, entries.size() }, null);
		}
		Map<Long, Integer> firstPlace = new HashMap<>();
		for (int index = 0; index < entries.size(); index++) {
			ListForm.EntryForm entry = entries.get(index);
			String path = "entries[" + index + "].";
			int place = index + 1;
			if (entry == null || entry.getArticleId() == null) {
				errors.rejectValue("entries", "lists.error.noArticle", new Object[] { place }, null);
				continue;
			}
			Integer earlier = firstPlace.putIfAbsent(entry.getArticleId(), place);
			if (earlier != null) {
				errors.rejectValue(path + "articleId", "lists.error.duplicate", new Object[] { place, earlier }, null);
			}
			if (entry.getLabel() != null && entry.getLabel().length() > CuratedListEntry.LABEL_LENGTH) {
				errors.rejectValue(path + "label", "lists.error.labelTooLong",
						new Object[] { place, CuratedListEntry.LABEL_LENGTH }, null);
			}
			if (!errors.hasFieldErrors(path + "startsAt") && !errors.hasFieldErrors(path + "endsAt")
					&& entry.getStartsAt() != null && entry.getEndsAt() != null
					&& !entry.getEndsAt().isAfter(entry.getStartsAt())) {
				errors.rejectValue(path + "endsAt", "lists.error.window", new Object[] { place }, null);
			}
		}
	}

}
