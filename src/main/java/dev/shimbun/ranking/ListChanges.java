package dev.shimbun.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Describes, for the audit log, how a list is about to change. */
final class ListChanges {

	private ListChanges() {
	}

	static String describe(CuratedList list, String heading, boolean numbered, ListMode mode, List<EntryPlan> plans) {
		List<String> parts = new ArrayList<>();
		if (list.getMode() != mode) {
			parts.add("選び方「" + label(list.getMode()) + "」→「" + label(mode) + "」");
		}
		if (!Objects.equals(list.getHeading(), heading)) {
			parts.add("見出し「" + list.getHeading() + "」→「" + heading + "」");
		}
		if (list.isNumbered() != numbered) {
			parts.add(numbered ? "番号付きに変更" : "番号なしに変更");
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
				parts.add("追加「" + plan.article().getHeadline() + "」");
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
				parts.add("削除「" + old.getArticle().getHeadline() + "」");
			}
		}
		List<Long> keptBefore = before.keySet().stream().filter(after::contains).toList();
		List<Long> keptAfter = plans.stream()
			.map((plan) -> plan.article().getId())
			.filter(before::containsKey)
			.toList();
		if (!keptBefore.equals(keptAfter)) {
			parts.add("並び替え");
		}
		if (relabelled > 0) {
			parts.add("ラベル変更 " + relabelled + "件");
		}
		if (rescheduled > 0) {
			parts.add("表示期間変更 " + rescheduled + "件");
		}
		if (parts.isEmpty()) {
			parts.add("変更なし");
		}
		return String.join("、", parts) + "(" + plans.size() + "件)";
	}

	private static String label(ListMode mode) {
		return switch (mode) {
			case CURATED -> "手動";
			case COMPUTED -> "自動";
			case PINNED -> "自動+固定";
		};
	}

}
