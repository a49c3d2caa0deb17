package dev.shimbun.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.category.CategoryService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.article.Article;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curated lists: what readers see of them (only entries within their window whose article
 * is visible) and how editors change them.
 */
@Service
@Transactional(readOnly = true)
public class CuratedListService {

	static final String RANKING = "ranking";

	static final String RECOMMENDED = "recommended";

	static final String TRENDING = "trending";

	static final String ALSO_READ = "also-read";

	static final String TOP_STORY = "top-story";

	/** The target type of list changes in the audit log. */
	static final String AUDIT_TYPE = "list";

	private final CuratedListRepository lists;

	private final AuditService audit;

	private final Clock clock;

	private final ZoneId zone;

	private final RankingService rankings;

	private final AlsoReadService alsoRead;

	private final CategoryService categories;

	private final String rankingCategory;

	private final int computedSize;

	private final ClusterEvents cluster;

	CuratedListService(CuratedListRepository lists, AuditService audit, Clock clock, ShimbunProperties properties,
			RankingService rankings, AlsoReadService alsoRead, CategoryService categories, ClusterEvents cluster) {
		this.cluster = cluster;
		this.rankings = rankings;
		this.alsoRead = alsoRead;
		this.categories = categories;
		this.rankingCategory = properties.views().rankingCategory();
		this.computedSize = properties.views().rankingSize();
		this.lists = lists;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.site().zone();
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

	/** Every list, for the admin table. */
	public List<ListRow> rows() {
		return this.lists.findRows();
	}

	/** One list, for the title of its edit page. */
	public ListRow row(Long id) {
		CuratedList list = find(id);
		return new ListRow(list.getId(), list.getKey(), list.getHeading(), list.getMode(), list.getEntries().size());
	}

	/** The edit form of a list as it is saved now. */
	public ListForm editForm(Long id) {
		CuratedList list = find(id);
		ListForm form = new ListForm();
		form.setVersion(list.getVersion());
		form.setHeading(list.getHeading());
		form.setNumbered(list.isNumbered());
		form.setMode(list.getMode());
		for (CuratedListEntry entry : list.getEntries()) {
			ListForm.EntryForm entryForm = new ListForm.EntryForm();
			entryForm.setArticleId(entry.getArticle().getId());
			entryForm.setLabel(entry.getLabel());
			entryForm.setStartsAt(local(entry.getStartsAt()));
			entryForm.setEndsAt(local(entry.getEndsAt()));
			form.getEntries().add(entryForm);
		}
		return form;
	}

	/** The articles with these ids that exist, by id, for the list editor. */
	public Map<Long, EntryArticle> entryArticles(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Collections.emptyMap();
		}
		Instant now = this.clock.instant();
		return this.lists.findArticles(Set.copyOf(ids))
			.stream()
			.collect(Collectors.toMap(Article::getId, (article) -> new EntryArticle(article.getId(),
					article.getHeadline(), article.getSlug(), article.isVisibleAt(now))));
	}

	/**
	 * Saves a list as the form has it (its mode too, which readers see on the next page),
	 * in one transaction, and records the change in the audit log. The form must have
	 * passed {@link ListFormValidator}.
	 * @throws ObjectOptimisticLockingFailureException if the list was saved since the
	 * form was made
	 * @throws MissingArticlesException if an entry's article no longer exists
	 */
	@Transactional
	public void save(Long id, ListForm form) {
		// Everything that can refuse the save is checked before the list is loaded for
		// changing, so that a refusal leaves nothing behind to undo.
		long version = this.lists.findVersionById(id).orElseThrow(() -> new ListNotFoundException(id));
		if (version != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(CuratedList.class, id);
		}
		Map<Long, Article> articles = this.lists.findArticles(Set.copyOf(form.articleIds()))
			.stream()
			.collect(Collectors.toMap(Article::getId, Function.identity()));
		Set<Long> missing = new HashSet<>(form.articleIds());
		missing.removeAll(articles.keySet());
		if (!missing.isEmpty()) {
			throw new MissingArticlesException(missing);
		}
		CuratedList list = this.lists.findForUpdateById(id).orElseThrow(() -> new ListNotFoundException(id));
		if (list.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(CuratedList.class, id);
		}
		// The same list, now with its entries and their articles.
		find(id);
		List<EntryPlan> plans = new ArrayList<>();
		for (ListForm.EntryForm entry : form.getEntries()) {
			String label = (entry.getLabel() == null || entry.getLabel().isBlank()) ? null : entry.getLabel().strip();
			plans.add(new EntryPlan(articles.get(entry.getArticleId()), label, instant(entry.getStartsAt()),
					instant(entry.getEndsAt())));
		}
		ListMode mode = (form.getMode() != null) ? form.getMode() : list.getMode();
		String changes = ListChanges.describe(list, form.getHeading(), form.isNumbered(), mode, plans);
		list.retitle(form.getHeading(), form.isNumbered());
		list.switchMode(mode);
		list.replaceEntries(plans);
		this.audit.record(AuditAction.LIST_CHANGED, AUDIT_TYPE, list.getId(), list.getKey() + ": " + changes);
		this.cluster.changed(Topic.LIST, list.getId());
	}

	/** The last change to a list recorded in the audit log, if any is recent enough. */
	public Optional<AuditEntry> lastChange(Long id) {
		return this.audit.search(new AuditFilter(null, AuditAction.LIST_CHANGED, AUDIT_TYPE, null, null), 0)
			.stream()
			.filter((entry) -> String.valueOf(id).equals(entry.targetId()))
			.findFirst();
	}

	private CuratedList find(Long id) {
		return this.lists.findWithEntriesById(id).orElseThrow(() -> new ListNotFoundException(id));
	}

	private LocalDateTime local(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, this.zone) : null;
	}

	private Instant instant(LocalDateTime local) {
		return (local != null) ? local.atZone(this.zone).toInstant() : null;
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
		List<ListView.Entry> entries = new java.util.ArrayList<>(
				(list.getMode() == ListMode.PINNED) ? curated : List.of());
		java.util.Set<String> seen = new java.util.HashSet<>();
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

	private java.util.Optional<Long> rankingCategoryId() {
		try {
			return java.util.Optional.of(this.categories.get(this.rankingCategory).id());
		}
		catch (RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}

	private static ListView.Entry entry(Article article, String label) {
		return new ListView.Entry(article.getSlug(), article.getHeadline(), label);
	}

}
