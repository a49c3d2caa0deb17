package dev.shimbun.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPQL and SQL forms of visibility name the statuses readers do not see, so they must
 * name exactly those of {@link ArticleStatus#isPublic}: a status added to the enum has to
 * be added to them too.
 */
class ArticleVisibilityTests {

	@Test
	void theQueriesLeaveOutExactlyTheStatusesThatAreNotPublic() {
		for (ArticleStatus status : ArticleStatus.values()) {
			String jpqlName = "dev.shimbun.article.ArticleStatus." + status.name();
			String sqlName = "'" + status.name() + "'";
			if (status.isPublic()) {
				assertThat(ArticleVisibility.JPQL).as("JPQL, %s", status).doesNotContain(jpqlName);
				assertThat(ArticleVisibility.sql(":now")).as("SQL, %s", status).doesNotContain(sqlName);
			}
			else {
				assertThat(ArticleVisibility.JPQL).as("JPQL, %s", status).contains("not in").contains(jpqlName);
				assertThat(ArticleVisibility.sql(":now")).as("SQL, %s", status).contains("NOT IN").contains(sqlName);
			}
		}
	}

}
