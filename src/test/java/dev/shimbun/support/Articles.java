package dev.shimbun.support;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleAdminService.AuthorOption;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.article.ArticleStatus;
import dev.shimbun.article.BlockForm;
import dev.shimbun.article.BlockKind;
import dev.shimbun.category.CategoryService;

import org.springframework.context.ApplicationContext;

/**
 * Builds an article and saves it as the editor does, through
 * {@link ArticleAdminService#create}: revision, audit line, search index and change
 * announcement included. Unless told otherwise the article is in the first category of
 * the menu, by the first author, and published now by the application's clock.
 *
 * <pre class="code">
 * Long id = Articles.published().headline("羊羹の話").inCategory("fun").save(context);
 * </pre>
 */
public final class Articles {

	private final ArticleStatus status;

	private String headline = "テスト記事の見出し";

	private String slug;

	private String summary;

	private String category;

	private String author;

	private Instant publishAt;

	private Instant unpublishAt;

	private final List<BlockForm> blocks = new ArrayList<>();

	private Articles(ArticleStatus status) {
		this.status = status;
	}

	/** An article readers see from its publication time, by default now. */
	public static Articles published() {
		return new Articles(ArticleStatus.PUBLISHED);
	}

	/** An article that readers see from the given time on. */
	public static Articles scheduledFor(Instant publishAt) {
		return new Articles(ArticleStatus.SCHEDULED).publishedAt(publishAt);
	}

	/** A draft: never shown to readers. */
	public static Articles draft() {
		return new Articles(ArticleStatus.DRAFT);
	}

	/** An article taken off the site. */
	public static Articles unpublished() {
		return new Articles(ArticleStatus.UNPUBLISHED);
	}

	public Articles headline(String headline) {
		this.headline = headline;
		return this;
	}

	/** The address ({@code /articles/{slug}}); without one the editor makes one up. */
	public Articles slug(String slug) {
		this.slug = slug;
		return this;
	}

	public Articles summary(String summary) {
		this.summary = summary;
		return this;
	}

	/** The category with this slug. */
	public Articles inCategory(String categorySlug) {
		this.category = categorySlug;
		return this;
	}

	/** The author with this display name. */
	public Articles by(String authorName) {
		this.author = authorName;
		return this;
	}

	public Articles publishedAt(Instant publishAt) {
		this.publishAt = publishAt;
		return this;
	}

	/** When readers stop seeing it; may be in the past, unlike in the editor's form. */
	public Articles unpublishedAt(Instant unpublishAt) {
		this.unpublishAt = unpublishAt;
		return this;
	}

	public Articles paragraph(String text) {
		BlockForm block = new BlockForm();
		block.setText(text);
		this.blocks.add(block);
		return this;
	}

	/** A figure showing an item of the media library. */
	public Articles figure(Long mediaId, String altText) {
		BlockForm block = new BlockForm();
		block.setKind(BlockKind.FIGURE);
		block.setMediaId(mediaId);
		block.setAltText(altText);
		this.blocks.add(block);
		return this;
	}

	/** Saves the article with the services of the given context and returns its id. */
	public Long save(ApplicationContext context) {
		ArticleAdminService editor = context.getBean(ArticleAdminService.class);
		ZoneId zone = context.getBean(ShimbunProperties.class).site().zone();
		ArticleForm form = new ArticleForm();
		form.setHeadline(this.headline);
		form.setSlug(this.slug);
		form.setSummary(this.summary);
		form.setStatus(this.status);
		form.setCategoryId(categoryId(context.getBean(CategoryService.class)));
		form.setAuthorId(authorId(editor));
		form.setPublishAt((this.publishAt != null) ? this.publishAt.atZone(zone).toLocalDateTime() : null);
		form.setUnpublishAt((this.unpublishAt != null) ? this.unpublishAt.atZone(zone).toLocalDateTime() : null);
		form.setBlocks(new ArrayList<>(this.blocks));
		return editor.create(form);
	}

	private Long categoryId(CategoryService categories) {
		return (this.category != null) ? categories.get(this.category).id() : categories.menu().get(0).id();
	}

	private Long authorId(ArticleAdminService editor) {
		List<AuthorOption> authors = editor.authors();
		if (this.author == null) {
			return authors.get(0).id();
		}
		return authors.stream()
			.filter((option) -> option.displayName().equals(this.author))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No author " + this.author))
			.id();
	}

}
