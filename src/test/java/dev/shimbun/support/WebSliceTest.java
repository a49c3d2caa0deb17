package dev.shimbun.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.audit.AuditService;
import dev.shimbun.category.CategoryService;
import dev.shimbun.media.MediaService;
import dev.shimbun.pagecache.PageCache;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.security.SecuritySliceConfiguration;
import jakarta.servlet.Filter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice of the given controllers: MockMvc, the templates, the
 * controller advice and the security rules of {@code SecurityConfiguration}, and no
 * database. The test class declares the services its controllers use as
 * {@code @MockitoBean}s.
 * <p>
 * The advice that every page shares needs services too, mocked here: the menus and
 * sidebars ({@link CategoryService}, {@link CuratedListService}, the {@link PageCache}
 * they drop when they change) and the media library (upload errors). A test that renders
 * a page in the site layout gives them something to show with
 * {@link WebSlices#emptyLayout}. The application's own servlet filters (request ids, view
 * counting, the page cache, malformed requests) are left out: the tests of the whole
 * application cover them. The security stand-ins are in
 * {@link SecuritySliceConfiguration}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Filter.class))
@Import({ SecuritySliceConfiguration.class, WebSliceTest.Properties.class })
@MockitoBean(types = { CategoryService.class, CuratedListService.class, PageCache.class, MediaService.class,
		AuditService.class })
public @interface WebSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	/**
	 * The application's properties, with their defaults (a slice does not scan for them).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ShimbunProperties.class)
	class Properties {

	}

}
