package dev.shimbun.support;

import java.util.List;

import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.ranking.SidebarView;

import static org.mockito.BDDMockito.given;

/** Stubs for the mocked services of a {@link WebSliceTest}. */
public final class WebSlices {

	private WebSlices() {
	}

	/**
	 * Pages in the site layout get a main menu of one category (ニュース, {@code news}) and
	 * empty sidebars.
	 */
	public static void emptyLayout(CategoryService categories, CuratedListService lists) {
		given(categories.menu()).willReturn(List.of(new CategoryView(1L, "news", "ニュース")));
		given(lists.sidebar()).willReturn(SidebarView.empty());
	}

}
