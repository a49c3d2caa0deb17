package dev.shimbun.web;

import jakarta.servlet.RequestDispatcher;

import dev.shimbun.category.CategoryService;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.support.WebSliceTest;
import dev.shimbun.support.WebSlices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The error controller on its own: which page for which status, a 404 for {@code /error}
 * asked for directly, and the unavailable page while the database is away. (Forwarding to
 * it happens in a servlet container: {@link ErrorPagesTests}.) Spring Boot's resolver of
 * {@code templates/error/{status}.html} is added as the application has it: a slice
 * leaves it out, as it has no dispatcher servlet bean.
 */
@WebSliceTest(SiteErrorController.class)
@Import(SiteErrorControllerTests.ErrorViews.class)
class SiteErrorControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private UnavailablePage unavailable;

	@MockitoSpyBean
	private ErrorViewResolver errorViews;

	@Autowired
	private CategoryService categories;

	@Autowired
	private CuratedListService lists;

	@BeforeEach
	void layout() {
		WebSlices.emptyLayout(this.categories, this.lists);
	}

	@Test
	void errorWhenAskedForDirectlyThenTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/error"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(model().attribute("status", 404));
		then(this.unavailable).shouldHaveNoInteractions();
	}

	@Test
	void errorWhenNotFoundThenTheNotFoundPage() throws Exception {
		this.mvc.perform(failed(404))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(content().string(containsString("ページが見つかりません")));
	}

	@Test
	void errorWhenOtherClientErrorThenTheClientErrorPage() throws Exception {
		this.mvc.perform(failed(400))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error/4xx"))
			.andExpect(model().attribute("status", 400));
	}

	@Test
	void errorWhenServerErrorThenTheServerErrorPageWithoutItsCause() throws Exception {
		this.mvc
			.perform(failed(500).requestAttr(RequestDispatcher.ERROR_EXCEPTION,
					new IllegalStateException("secret detail")))
			.andExpect(status().isInternalServerError())
			.andExpect(view().name("error/5xx"))
			.andExpect(model().attribute("status", 500))
			.andExpect(content().string(not(containsString("secret detail"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	@Test
	void errorWhenTheDatabaseIsUnavailableThenTheUnavailablePage() throws Exception {
		given(this.unavailable.page(any(), any()))
			.willReturn(new ModelAndView("error/503", HttpStatus.SERVICE_UNAVAILABLE));
		this.mvc.perform(failed(500).requestAttr(SiteErrorController.DATABASE_UNAVAILABLE, Boolean.TRUE))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name("error/503"));
		then(this.unavailable).should().page(any(), any());
	}

	@Test
	void errorWhenNoErrorViewIsFoundThenTheClientOrServerErrorPage() throws Exception {
		willReturn(null).given(this.errorViews).resolveErrorView(any(), any(), any());
		this.mvc.perform(failed(404)).andExpect(status().isNotFound()).andExpect(view().name("error/4xx"));
		this.mvc.perform(failed(503)).andExpect(status().isServiceUnavailable()).andExpect(view().name("error/5xx"));
	}

	private static MockHttpServletRequestBuilder failed(int status) {
		return get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/articles/x");
	}

	/** The error views of the application: {@code templates/error/}. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ErrorViews {

		@Bean
		ErrorViewResolver conventionErrorViewResolver(ApplicationContext context) {
			return new DefaultErrorViewResolver(context, new WebProperties.Resources());
		}

	}

}
