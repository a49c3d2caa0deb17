package dev.shimbun.category;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CategoryService {

	private final CategoryRepository categories;

	CategoryService(CategoryRepository categories) {
		this.categories = categories;
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

}
