package dev.shimbun.comment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.support.H2Plans;
import dev.shimbun.support.H2Plans.Plan;
import dev.shimbun.support.H2Plans.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article's comments section is read at every rendering of its page, and a busy
 * article has thousands of comments: a page of them must be read in the order of an
 * index, stopping after the page, not read and sorted in full each time.
 */
@DataJpaTest(showSql = false, properties = H2Plans.CAPTURE_STATEMENTS)
@AutoConfigureTestDatabase(replace = Replace.NONE)
// ANALYZE commits: each statement commits, and the articles are deleted after each test
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CommentSectionPlanTests {

	private static final int PAGE_SIZE = 20;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CommentRepository comments;

	private Long articleId;

	@BeforeEach
	void aBusyArticleAndAQuietOne() {
		OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		H2Plans.publishedArticles(this.jdbc, 2, start, start);
		this.articleId = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'plan-1'", Long.class);
		Long quiet = this.jdbc.queryForObject("SELECT id FROM article WHERE slug = 'plan-2'", Long.class);
		// a minute apart: every 7th hidden, every 5th featured, and then every 3rd a
		// reply
		// to the first
		String comments = """
				INSERT INTO article_comment (article_id, nickname, body, status, created_at, featured)
				SELECT CAST(? AS BIGINT), '読者', 'コメント ' || X, CASE WHEN MOD(X, 7) = 0 THEN 'HIDDEN' ELSE 'VISIBLE' END,
					DATEADD(MINUTE, X, CAST(? AS TIMESTAMP WITH TIME ZONE)), MOD(X, 5) = 0
				FROM SYSTEM_RANGE(1, ?)""";
		this.jdbc.update(comments, this.articleId, start, 3_000);
		this.jdbc.update(comments, quiet, start, 500);
		Long first = this.jdbc.queryForObject("SELECT MIN(id) FROM article_comment WHERE article_id = ?", Long.class,
				this.articleId);
		this.jdbc.update("UPDATE article_comment SET parent_id = ? WHERE article_id = ? AND id <> ? AND MOD(id, 3) = 0",
				first, this.articleId, first);
		this.jdbc.execute("ANALYZE");
	}

	@AfterEach
	void deleteTheArticles() {
		H2Plans.deleteArticles(this.jdbc);
	}

	@Test
	void aPageNewestFirstIsTheRightCommentsReadInTheIndexOrder() {
		Statements.clear();
		Page<Comment> page = this.comments.findTopLevelShown(this.articleId,
				PageRequest.of(1, PAGE_SIZE, CommentService.NEWEST_FIRST));

		assertThat(ids(page)).isEqualTo(expected("DESC", PAGE_SIZE));
		assertThat(page.getTotalElements()).isEqualTo(count());
		Plan plan = plan(Statements.only("from article_comment", "order by"));
		assertThat(plan.indexSorted()).as(plan.text()).isTrue();
		assertThat(plan.rows()).as(plan.text()).isLessThan(4 * PAGE_SIZE);
	}

	@Test
	void aPageOldestFirstIsTheRightCommentsReadInTheIndexOrder() {
		Statements.clear();
		Page<Comment> page = this.comments.findTopLevelShown(this.articleId,
				PageRequest.of(2, PAGE_SIZE, CommentService.OLDEST_FIRST));

		assertThat(ids(page)).isEqualTo(expected("ASC", 2 * PAGE_SIZE));
		Plan plan = plan(Statements.only("from article_comment", "order by"));
		assertThat(plan.indexSorted()).as(plan.text()).isTrue();
		assertThat(plan.rows()).as(plan.text()).isLessThan(5 * PAGE_SIZE);
	}

	@Test
	void theCountOfAPageReadsTheIndexAlone() {
		Statements.clear();
		this.comments.findTopLevelShown(this.articleId, PageRequest.of(1, PAGE_SIZE, CommentService.NEWEST_FIRST));

		Plan plan = plan(Statements.only("count(", "from article_comment"));
		assertThat(plan.text()).as(plan.text())
			.contains("ARTICLE_COMMENT_SHOWN_IDX: FEATURED = FALSE")
			.contains("PARENT_ID IS NULL");
	}

	/** The plan of a page's statement, with the article and the page's numbers bound. */
	private Plan plan(String sql) {
		List<Object> args = new ArrayList<>();
		args.add(this.articleId);
		while (args.size() < sql.chars().filter((c) -> c == '?').count()) {
			args.add(PAGE_SIZE);
		}
		return H2Plans.rowsRead(this.jdbc, sql, args.toArray());
	}

	private List<Long> expected(String direction, int offset) {
		return this.jdbc.queryForList("""
				SELECT id FROM article_comment
				WHERE article_id = ? AND status = 'VISIBLE' AND NOT featured AND parent_id IS NULL
				ORDER BY created_at %s, id %s OFFSET ? ROWS FETCH FIRST ? ROWS ONLY""".formatted(direction, direction),
				Long.class, this.articleId, offset, PAGE_SIZE);
	}

	private long count() {
		return this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM article_comment
				WHERE article_id = ? AND status = 'VISIBLE' AND NOT featured AND parent_id IS NULL""", Long.class,
				this.articleId);
	}

	private static List<Long> ids(Page<Comment> page) {
		return page.getContent().stream().map(Comment::getId).toList();
	}

}
