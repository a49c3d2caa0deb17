package dev.shimbun.ranking;

/** The lists in the sidebar of every page. */
public record SidebarView(ListView ranking, ListView recommended, ListView trending) {

	public static SidebarView empty() {
		return new SidebarView(ListView.empty(CuratedListService.RANKING),
				ListView.empty(CuratedListService.RECOMMENDED), ListView.empty(CuratedListService.TRENDING));
	}

}
