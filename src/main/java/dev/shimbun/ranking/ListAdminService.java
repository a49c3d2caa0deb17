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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.Article;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How editors change the curated lists: the lists as saved, their edit forms, and saving
 * a form as a whole, recorded in the audit log and announced to every instance.
 */
@Service
@Transactional(readOnly = true)
class ListAdminService {

	/** The target type of list changes in the audit log. */
	static final String AUDIT_TYPE = "list";

	private final CuratedListRepository lists;

	private final AuditService audit;

	private final Clock clock;

	private final ZoneId zone;

	private final ClusterEvents cluster;

	ListAdminService(CuratedListRepository lists, AuditService audit, Clock clock, ShimbunProperties properties,
			ClusterEvents cluster) {
		this.lists = lists;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.cluster = cluster;
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
		String changes = ListChanges.describe(this.audit::text, list, form.getHeading(), form.isNumbered(), mode,
				plans);
		list.retitle(form.getHeading(), form.isNumbered());
		list.switchMode(mode);
		list.replaceEntries(plans);
		this.audit.record(AuditAction.LIST_CHANGED, AUDIT_TYPE, list.getId(), changes);
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

}
