package dev.shimbun.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.category.Category;
import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;

/**
 * The editor's rules beyond the form's own constraints, across its fields and against the
 * database: a slug no other article has, a category and author that exist, times that
 * make sense, and no publication while a figure lacks an image or alt text.
 * <p>
 * A Spring {@link SmartValidator}: the hint is the id of the article being edited (none
 * for a new one). A field that already has an error gets no second one.
 */
@Component
class ArticleRules implements SmartValidator {

	private final ArticleRepository articles;

	private final AuthorRepository authors;

	private final EntityManager entityManager;

	private final FigureImages figureImages;

	private final Clock clock;

	private final ZoneId zone;

	ArticleRules(ArticleRepository articles, AuthorRepository authors, EntityManager entityManager,
			FigureImages figureImages, Clock clock, ShimbunProperties properties) {
		this.articles = articles;
		this.authors = authors;
		this.entityManager = entityManager;
		this.figureImages = figureImages;
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	@Override
	public boolean supports(Class<?> type) {
		return ArticleForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		validate(target, errors, (Object[]) null);
	}

	@Override
	public void validate(Object target, Errors errors, Object... hints) {
		ArticleForm form = (ArticleForm) target;
		Long id = (hints != null && hints.length > 0) ? (Long) hints[0] : null;
		if (form.getSlug() != null && !form.getSlug().isBlank()) {
			boolean taken = (id == null) ? this.articles.existsBySlug(form.getSlug())
					: this.articles.existsBySlugAndIdNot(form.getSlug(), id);
			if (taken) {
				reject(errors, "slug", "article.error.slugTaken");
			}
		}
		if (form.getCategoryId() != null && this.entityManager.find(Category.class, form.getCategoryId()) == null) {
			reject(errors, "categoryId", "article.error.noSuchCategory");
		}
		if (form.getAuthorId() != null && this.authors.findById(form.getAuthorId()).isEmpty()) {
			reject(errors, "authorId", "article.error.noSuchAuthor");
		}
		checkTimes(form, errors);
		checkFigures(form, errors);
		checkLinks(form, errors);
	}

	private void checkTimes(ArticleForm form, Errors errors) {
		Instant now = this.clock.instant();
		Instant publishAt = instant(form.getPublishAt());
		Instant unpublishAt = instant(form.getUnpublishAt());
		if (form.getStatus() == ArticleStatus.SCHEDULED && (publishAt == null || !publishAt.isAfter(now))) {
			reject(errors, "publishAt", "article.error.scheduleNeedsFutureTime");
		}
		if (unpublishAt != null && publishAt != null && !unpublishAt.isAfter(publishAt)) {
			reject(errors, "unpublishAt", "article.error.unpublishBeforePublish");
		}
		else if (unpublishAt != null && form.getStatus() != null && form.getStatus().isPublic()
				&& !unpublishAt.isAfter(now)) {
			reject(errors, "unpublishAt", "article.error.unpublishInPast");
		}
	}

	/**
	 * Links in a text block's words and a quote's source; an embed's address; the article
	 * a related-article card names.
	 */
	private void checkLinks(ArticleForm form, Errors errors) {
		for (int i = 0; i < form.getBlocks().size(); i++) {
			BlockForm block = form.getBlocks().get(i);
			BlockKind kind = (block.getKind() != null) ? block.getKind() : BlockKind.PARAGRAPH;
			String field = "blocks[" + i + "]";
			if (kind.hasText()) {
				refuseLinks(errors, field + ".text", block.getText());
			}
			if (kind == BlockKind.QUOTE) {
				refuseLinks(errors, field + ".source", block.getSource());
			}
			if (kind == BlockKind.EMBED && !isBlank(block.getUrl())
					&& !BlockView.isWebAddress(block.getUrl().strip())) {
				reject(errors, field + ".url", "article.error.embedUrl");
			}
			if (kind == BlockKind.RELATED && !isBlank(block.getUrl()) && relatedId(block.getUrl()) == null
					&& !errors.hasFieldErrors(field + ".url")) {
				errors.rejectValue(field + ".url", "article.error.noSuchRelated",
						new Object[] { block.getUrl().strip() }, null);
			}
		}
	}

	/** The article a related-article card's address names, or null. */
	Long relatedId(String address) {
		return ArticlePaths.slugOfAddress(address).flatMap(this.articles::findIdBySlug).orElse(null);
	}

	private static void refuseLinks(Errors errors, String field, String markup) {
		List<String> refused = InlineMarkup.rejectedLinks(markup);
		if (!refused.isEmpty() && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "article.error.linkTarget", new Object[] { refused.get(0) }, null);
		}
	}

	private void checkFigures(ArticleForm form, Errors errors) {
		for (int i = 0; i < form.getBlocks().size(); i++) {
			BlockForm block = form.getBlocks().get(i);
			if (!block.isFigure()) {
				continue;
			}
			String field = "blocks[" + i + "]";
			if (!block.hasImage()) {
				reject(errors, field + ".mediaId", "article.error.figureNeedsImage");
			}
			else if (block.getMediaId() != null && !this.figureImages.exists(block.getMediaId())) {
				reject(errors, field + ".mediaId", "article.error.noSuchMedia");
			}
			else if (form.getStatus() != null && form.getStatus().isPublic() && isBlank(block.getAltText())
					&& (block.getMediaId() == null || isBlank(this.figureImages.altText(block.getMediaId())))) {
				reject(errors, field + ".altText", "article.error.altTextRequired");
			}
		}
	}

	private static void reject(Errors errors, String field, String messageKey) {
		if (!errors.hasFieldErrors(field)) {
			errors.rejectValue(field, messageKey);
		}
	}

	private Instant instant(LocalDateTime local) {
		return (local != null) ? local.atZone(this.zone).toInstant() : null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
