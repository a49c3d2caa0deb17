package dev.shimbun.category;

import java.util.ArrayList;
import java.util.List;

import dev.shimbun.FieldRuleException;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories: the sections of the site, listed by the top and bottom main menus in their
 * positions (1, 2, 3 … without gaps).
 */
@Service
@Transactional(readOnly = true)
public class CategoryService {

	private final CategoryRepository categories;

	private final AuditService audit;

	private final ClusterEvents cluster;

	CategoryService(CategoryRepository categories, AuditService audit, ClusterEvents cluster) {
		this.categories = categories;
		this.audit = audit;
		this.cluster = cluster;
	}

	/** The categories in menu order. */
	public List<CategoryView> menu() {
		return this.categories.findAllByOrderByPositionAsc().stream().map(CategoryView::of).toList();
	}

	public CategoryView get(String slug) {
		return this.categories.findBySlug(slug)
			.map(CategoryView::of)
			.orElseThrow(() -> new CategoryNotFoundException(slug));
	}

	/**
	 * A new category, last in the menus.
	 * @throws FieldRuleException when the slug or the name is taken
	 */
	@Transactional
	public CategoryView create(CategoryForm form) {
		if (this.categories.existsBySlug(form.getSlug())) {
			throw new FieldRuleException("slug", "categories.error.slugTaken");
		}
		if (this.categories.existsByName(form.getName())) {
			throw new FieldRuleException("name", "categories.error.nameTaken");
		}
		int position = this.categories.findLastPosition() + 1;
		Category category;
		try {
			category = this.categories.saveAndFlush(new Category(form.getSlug(), form.getName(), position));
		}
		catch (DataIntegrityViolationException ex) {
			// Someone else took the slug a moment ago: the editor's answer, not a fault.
			throw new FieldRuleException("slug", "categories.error.slugTaken"); // NOPMD
		}
		this.audit.record(AuditAction.CATEGORY_CREATED, "category", category.getId(),
				this.audit.text("audit.detail.category.created", category.getName(), category.getSlug(), position));
		this.cluster.changed(Topic.CATEGORY, category.getId());
		return CategoryView.of(category);
	}

	/**
	 * Renames a category; its slug stays, so its address does too.
	 * @throws FieldRuleException when another category has the name
	 */
	@Transactional
	public void rename(Long id, String name) {
		Category category = find(id);
		if (category.getName().equals(name)) {
			return;
		}
		if (this.categories.existsByNameAndIdNot(name, id)) {
			throw new FieldRuleException("name", "categories.error.nameTaken");
		}
		String old = category.getName();
		category.rename(name);
		this.audit.record(AuditAction.CATEGORY_CHANGED, "category", id,
				this.audit.text("audit.detail.category.renamed", old, name, category.getSlug()));
		this.cluster.changed(Topic.CATEGORY, id);
	}

	/**
	 * Moves a category one place up (towards the start of the menus) or down; at either
	 * end nothing happens. Positions are numbered again from 1.
	 */
	@Transactional
	public void move(Long id, boolean up) {
		List<Category> ordered = new ArrayList<>(this.categories.findAllByOrderByPositionAsc());
		Category category = ordered.stream()
			.filter((candidate) -> candidate.getId().equals(id))
			.findFirst()
			.orElseThrow(() -> new CategoryNotFoundException(String.valueOf(id)));
		int from = ordered.indexOf(category);
		int to = up ? from - 1 : from + 1;
		if (to < 0 || to >= ordered.size()) {
			return;
		}
		ordered.remove(from);
		ordered.add(to, category);
		for (int index = 0; index < ordered.size(); index++) {
			ordered.get(index).moveTo(index + 1);
		}
		this.audit.record(AuditAction.CATEGORY_CHANGED, "category", id,
				this.audit.text("audit.detail.category.moved", category.getName(), from + 1, to + 1));
		this.cluster.changed(Topic.CATEGORY, id);
	}

	private Category find(Long id) {
		return this.categories.findById(id).orElseThrow(() -> new CategoryNotFoundException(String.valueOf(id)));
	}

}
