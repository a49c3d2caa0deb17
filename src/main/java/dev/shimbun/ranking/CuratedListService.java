package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.Article;
import dev.shimbun.category.CategoryService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The curated lists as readers see them: only entries within their window whose article
 * is visible, by each list's mode the editors' entries, the computed ones, or both.
 * {@link ListAdminService} is how editors change them.
 */
@Service
@Transactional(readOnly = true)
public class CuratedListService {

	static final String RANKING = "ranking";

	static final String RECOMMENDED = "recommended";

	static final String TRENDING = "trending";

	static final String ALSO_READ = "also-read";

	static final String TOP_STORY = "top-story";

	private final CuratedListRepository lists;

	private final Clock clock;

	private final RankingService rankings;

	private final AlsoReadService alsoRead;

	private final CategoryService categories;

	private final String rankingCategory;

	private final int computedSize;

	CuratedListService(CuratedListRepository lists, Clock clock, ShimbunProperties properties, RankingService rankings,
			AlsoReadService alsoRead, CategoryService categories) {
		this.lists = lists;
		this.clock = clock;
		this.rankings = rankings;
		this.alsoRead = alsoRead;
		this.categories = categories;
		this.rankingCategory = properties.views().rankingCategory();
		this.computedSize = properties.views().rankingSize();
	}

	/** ランキング, おすすめニュース and 話題, for the sidebar of every page. */
	public SidebarView sidebar() {
		Map<String, ListView> found = load(List.of(RANKING, RECOMMENDED, TRENDING), null);
		return new SidebarView(found.getOrDefault(RANKING, ListView.empty(RANKING)),
				found.getOrDefault(RECOMMENDED, ListView.empty(RECOMMENDED)),
				found.getOrDefault(TRENDING, ListView.empty(TRENDING)));
	}

	/** こんな記事も読まれています under an article, never listing that article itself. */
	public ListView alsoRead(Long articleId) {
		return load(List.of(ALSO_READ), articleId).getOrDefault(ALSO_READ, ListView.empty(ALSO_READ));
	}

	/** The slug of the front page's top story, if editors chose one that is published. */
	public ListView topStories() {
		return load(List.of(TOP_STORY), null).getOrDefault(TOP_STORY, ListView.empty(TOP_STORY));
	}

	private Map<String, ListView> load(List<String> keys, Long excludedArticleId) {
		Instant now = this.clock.instant();
		return this.lists.findWithEntries(keys)
			.stream()
			.map((list) -> view(list, now, excludedArticleId))
			.collect(Collectors.toMap(ListView::key, Function.identity()));
	}

	/**
	 * A list as pages show it, by its mode: the editors' entries, the computed ones, or
	 * the editors' entries pinned on top of the computed ones.
	 */
	private ListView view(CuratedList list, Instant now, Long excludedArticleId) {
		List<ListView.Entry> curated = list.getEntries()
			.stream()
			.filter((entry) -> entry.isShownAt(now))
			.filter((entry) -> !Objects.equals(entry.getArticle().getId(), excludedArticleId))
			.map((entry) -> entry(entry.getArticle(), entry.getLabel()))
			.toList();
		if (list.getMode() == ListMode.CURATED) {
			return new ListView(list.getKey(), list.getHeading(), list.isNumbered(), curated);
		}
		int size = Math.max(this.computedSize, list.getMode() == ListMode.PINNED ? curated.size() : 0);
		List<ListView.Entry> entries = new ArrayList<>((list.getMode() == ListMode.PINNED) ? curated : List.of());
		Set<String> seen = new HashSet<>();
		entries.forEach((entry) -> seen.add(entry.slug()));
		for (RankedArticle article : computed(list.getKey(), excludedArticleId)) {
			if (entries.size() >= size) {
				break;
			}
			if (!Objects.equals(article.id(), excludedArticleId) && seen.add(article.slug())) {
				entries.add(new ListView.Entry(article.slug(), article.headline(),
						list.isNumbered() ? article.categoryName() : null));
			}
		}
		return new ListView(list.getKey(), list.getHeading(), list.isNumbered(), List.copyOf(entries));
	}

	private List<RankedArticle> computed(String key, Long articleId) {
		return switch (key) {
			case RANKING -> rankingCategoryId().map(this.rankings::topInCategory).orElse(List.of());
			case RECOMMENDED -> this.rankings.topOfWeek();
			case ALSO_READ ->
				(articleId != null) ? this.alsoRead.alsoRead(articleId, this.computedSize + 2) : List.of();
			default -> this.rankings.topOfDay();
		};
	}

	private Optional<Long> rankingCategoryId() {
		try {
			return Optional.of(this.categories.get(this.rankingCategory).id());
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static ListView.Entry entry(Article article, String label) {
		return new ListView.Entry(article.getSlug(), article.getHeadline(), label);
	}

}
