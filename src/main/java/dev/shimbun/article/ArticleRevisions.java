package dev.shimbun.article;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.security.StaffService;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An article's revisions: the whole content as each save left it (JSON
 * {@link ArticleSnapshot}), listed, compared line by line and read back for a restore.
 */
@Component
@Transactional(readOnly = true)
class ArticleRevisions {

	private final ArticleRevisionRepository revisions;

	private final ArticleRepository articles;

	private final StaffService staff;

	private final MessageSourceAccessor labels;

	private final Clock clock;

	private final ZoneId zone;

	private final JsonMapper json = JsonMapper.builder().build();

	ArticleRevisions(ArticleRevisionRepository revisions, ArticleRepository articles, StaffService staff,
			MessageSource messages, Clock clock, ShimbunProperties properties) {
		this.revisions = revisions;
		this.articles = articles;
		this.staff = staff;
		this.labels = new MessageSourceAccessor(messages, Locale.JAPANESE);
		this.clock = clock;
		this.zone = properties.site().zone();
	}

	/** The number of the article's latest revision, 0 when it has none. */
	int lastNumber(Long articleId) {
		return this.revisions.lastNumber(articleId);
	}

	/** Stores the article as it is now as its next revision. */
	@Transactional
	void store(Article article, String username, String note) {
		int number = this.revisions.lastNumber(article.getId()) + 1;
		String content = this.json.writeValueAsString(ArticleSnapshot.of(article));
		this.revisions
			.save(new ArticleRevision(article.getId(), number, this.clock.instant(), username, note, content));
	}

	/**
	 * The article's revisions, newest first.
	 * @throws ArticleNotFoundException if there is no such article
	 */
	List<RevisionRow> list(Long articleId) {
		if (!this.articles.existsById(articleId)) {
			throw new ArticleNotFoundException(String.valueOf(articleId));
		}
		return this.revisions.findByArticleIdOrderByNumberDesc(articleId)
			.stream()
			.map((revision) -> new RevisionRow(revision.getNumber(), revision.getCreatedAt().atZone(this.zone),
					(revision.getCreatedBy() != null) ? this.staff.displayName(revision.getCreatedBy()) : null,
					revision.getNote()))
			.toList();
	}

	/** Two revisions compared line by line, changed characters marked. */
	List<DiffLine> diff(Long articleId, int from, int to) {
		return RevisionDiff.compare(snapshot(articleId, from).lines(this.labels),
				snapshot(articleId, to).lines(this.labels));
	}

	/**
	 * The content of one revision.
	 * @throws ArticleNotFoundException if the article has no such revision
	 */
	ArticleSnapshot snapshot(Long articleId, int number) {
		ArticleRevision revision = this.revisions.findByArticleIdAndNumber(articleId, number)
			.orElseThrow(() -> new ArticleNotFoundException(articleId + "@" + number));
		return this.json.readValue(revision.getContent(), ArticleSnapshot.class);
	}

}
