package dev.shimbun.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Describes, for the audit log, how a list is about to change, in words from the
 * {@code lists.audit.*} message keys: for example
 * {@code trending: 選び方「手動」→「自動」、追加「…」(5件)}.
 */
final class ListChanges {

	/** Writes a text from a message key, as {@code AuditService.text} does. */
	@FunctionalInterface
	interface Texts {

		String text(String key, Object... arguments);

	}

	private ListChanges() {
	}

	static String describe(Texts texts, CuratedList list, String heading, boolean numbered, ListMode mode,
			List<EntryPlan> plans) {
		List<String> parts = new ArrayList<>();
		if (list.getMode() != mode) {
			parts.add(texts.text("lists.audit.mode", label(texts, list.getMode()), label(texts, mode)));
		}
		if (!Objects.equals(list.getHeading(), heading)) {
			parts.add(texts.text("lists.audit.heading", list.getHeading(), heading));
		}
		if (list.isNumbered() != numbered) {
			parts.add(texts.text(numbered ? "lists.audit.numbered" : "lists.audit.unnumbered"));
		}
		Map<Long, CuratedListEntry> before = new LinkedHashMap<>();
		for (CuratedListEntry entry : list.getEntries()) {
			before.put(entry.getArticle().getId(), entry);
		}
		Set<Long> after = plans.stream().map((plan) -> plan.article().getId()).collect(Collectors.toSet());
		int relabelled = 0;
		int rescheduled = 0;
		for (EntryPlan plan : plans) {
			CuratedListEntry old = before.get(plan.article().getId());
			if (old == null) {
				parts.add(texts.text("lists.audit.added", plan.article().getHeadline()));
				continue;
			}
			if (!Objects.equals(old.getLabel(), plan.label())) {
				relabelled++;
			}
			if (!Objects.equals(old.getStartsAt(), plan.startsAt())
					|| !Objects.equals(old.getEndsAt(), plan.endsAt())) {
				rescheduled++;
			}
		}
		for (CuratedListEntry old : before.values()) {
			if (!after.contains(old.getArticle().getId())) {
				parts.add(texts.text("lists.audit.removed", old.getArticle().getHeadline()));
			}
		}
		List<Long> keptBefore = before.keySet().stream().filter(after::contains).toList();
		List<Long> keptAfter = plans.stream()
			.map((plan) -> plan.article().getId())
			.filter(before::containsKey)
			.toList();
		if (!keptBefore.equals(keptAfter)) {
			parts.add(texts.text("lists.audit.reordered"));
		}
		if (relabelled > 0) {
			parts.add(texts.text("lists.audit.relabelled", relabelled));
		}
		if (rescheduled > 0) {
			parts.add(texts.text("lists.audit.rescheduled", rescheduled));
		}
		if (parts.isEmpty()) {
			parts.add(texts.text("lists.audit.unchanged"));
		}
		return texts.text("lists.audit.detail", list.getKey(), String.join(texts.text("lists.audit.separator"), parts),
				plans.size());
	}

	private static String label(Texts texts, ListMode mode) {
		return texts.text("lists.mode.short." + mode.name());
	}

}
