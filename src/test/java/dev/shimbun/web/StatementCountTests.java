package dev.shimbun.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.shimbun.article.ArticleService;
import dev.shimbun.support.Articles;
import dev.shimbun.support.Comments;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.Reads;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A page costs a bounded number of SQL statements whatever the data: no statement per
 * comment, per article in a list or per figure. Pages are rendered here without the page
 * cache, as on a cache miss.
 */
@SiteTest
@TestPropertySource(properties = { "shimbun.pages.cache=false", "shimbun.comments.page-size=50" })
@OwnContext
@DirtiesContext
class StatementCountTests {

	static final AtomicInteger statements = new AtomicInteger();

	static final String ARTICLE = "why-we-yawn";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ArticleService articles;

	@Autowired
	private ApplicationContext context;

	private int statementsFor(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isOk());
		statements.set(0);
		this.mvc.perform(get(path)).andExpect(status().isOk());
		return statements.get();
	}

	@Test
	void pagesCostTheSameNumberOfStatementsWithMoreCommentsArticlesAndReads() throws Exception {
		String article = "/articles/" + ARTICLE;
		int articleBefore = statementsFor(article);
		int frontBefore = statementsFor("/");
		int categoryBefore = statementsFor("/categories/fun");

		grow(0);
		int article1 = statementsFor(article);
		int front1 = statementsFor("/");
		int category1 = statementsFor("/categories/fun");
		grow(1);

		assertThat(articleBefore).isBetween(1, 20);
		assertThat(frontBefore).isBetween(1, 20);
		assertThat(categoryBefore).isBetween(1, 20);
		// a full first page of comments adds their count query and the count of their
		// replies, once each, however many comments there are
		assertThat(article1).isBetween(articleBefore, articleBefore + 2);
		assertThat(front1).isEqualTo(frontBefore);
		assertThat(category1).isBetween(categoryBefore, categoryBefore + 1);
		assertThat(statementsFor(article)).isEqualTo(article1);
		assertThat(statementsFor("/")).isEqualTo(front1);
		assertThat(statementsFor("/categories/fun")).isEqualTo(category1);
	}

	/**
	 * 120 more comments on the article (some featured), 40 more articles in its category,
	 * each read together with it by 3 readers.
	 */
	private void grow(int round) {
		Long id = this.articles.getPublished(ARTICLE).id();
		for (int i = 0; i < 120; i++) {
			Comments.on(id).by("読者" + i).body("コメント" + round + "-" + i).featured(i % 20 == 0).save(this.context);
		}
		for (int i = 0; i < 40; i++) {
			String slug = "extra-" + round + "-" + i;
			Articles.published()
				.slug(slug)
				.headline("あくびの研究 " + slug)
				.summary("あくびの概要")
				.inCategory("fun")
				.save(this.context);
			for (int reader = 0; reader < 3; reader++) {
				Reads.by("reader-" + slug + "-" + reader).of(ARTICLE, slug).save(this.context);
			}
		}
	}

	/** Counts every statement prepared on any connection of the application. */
	@TestConfiguration
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource) {
						return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
								(proxy, method, args) -> {
									Object result = invoke(dataSource, method, args);
									return (result instanceof Connection connection) ? counting(connection) : result;
								});
					}
					return bean;
				}
			};
		}

		static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						String name = method.getName();
						if (name.equals("prepareStatement") || name.equals("createStatement")
								|| name.equals("prepareCall")) {
							statements.incrementAndGet();
						}
						return invoke(connection, method, args);
					});
		}

		private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
