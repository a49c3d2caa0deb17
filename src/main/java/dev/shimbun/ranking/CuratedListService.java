package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.article.Article;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	CuratedListService(CuratedListRepository lists, Clock clock) {
		this.lists = lists;
		this.clock = clock;
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

	private static ListView view(CuratedList list, Instant now, Long excludedArticleId) {
		List<ListView.Entry> entries = list.getEntries()
			.stream()
			.filter((entry) -> entry.getArticle().isVisibleAt(now))
			.filter((entry) -> !Objects.equals(entry.getArticle().getId(), excludedArticleId))
			.map((entry) -> entry(entry.getArticle(), entry.getLabel()))
			.toList();
		return new ListView(list.getKey(), list.getHeading(), list.isNumbered(), entries);
	}

	private static ListView.Entry entry(Article article, String label) {
		return new ListView.Entry(article.getSlug(), article.getHeadline(), label);
	}

}
