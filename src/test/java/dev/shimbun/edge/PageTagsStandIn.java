package dev.shimbun.edge;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.cluster.ContentChanged.Topic;
import dev.shimbun.pagecache.PageTags;
import dev.shimbun.pagecache.PagesDropped;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in for the page cache's part of the edge contract until it has it: tags an
 * article page {@code xkey: page-{slug}}, and after the page cache has dropped an
 * article's pages for a comment, publishes {@link PagesDropped} for that tag (not soft on
 * the instance where the comment was posted, soft on the others). To be deleted, with its
 * use in {@link VarnishTests}, once the page cache tags pages and publishes
 * {@code PagesDropped} itself.
 */
@Configuration(proxyBeanMethods = false)
class PageTagsStandIn {

	private static final Pattern ARTICLE = Pattern.compile("/articles/([^/]+)");

	@Bean
	OncePerRequestFilter standInPageTags() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher article = ARTICLE.matcher(request.getRequestURI());
				if (request.getMethod().equals("GET") && request.getQueryString() == null && article.matches()) {
					response.setHeader("xkey", PageTags.pageOf(article.group(1)));
				}
				chain.doFilter(request, response);
			}

		};
	}

	@Bean
	Object standInPagesDropped(ApplicationEventPublisher publisher) {
		return new Object() {

			@EventListener
			@Order(ContentChanged.PAGES + 1)
			void changed(ContentChanged changed) {
				if ((changed.topic() == Topic.COMMENTS || changed.topic() == Topic.COMMENTS_REMOVED)
						&& changed.key() != null) {
					publisher.publishEvent(new PagesDropped(Set.of(PageTags.pageOf(changed.key())), !changed.local()));
				}
			}

		};
	}

}
