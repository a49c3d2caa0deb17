package dev.shimbun.web;

import java.util.List;

import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change is heard in an order that never keeps a page rendered with what was true
 * before it: the rankings and co-reads in memory are read again first, the menus and
 * sidebars are marked stale next, and the page cache drops its pages last. In the order
 * the beans were made (pagecache, ranking, web) a reader could get a page rendered after
 * the drop with the old sidebar, and keep getting it until the next change.
 */
@SiteTest
class ContentChangedOrderTests {

	@Autowired
	private AbstractApplicationContext context;

	@Test
	void dataIsReadAgainBeforeSidebarsAreMarkedStaleAndPagesDroppedLast() {
		ResolvableType contentChanged = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class,
				ContentChanged.class);
		List<ApplicationListenerMethodAdapter> listeners = this.context.getApplicationListeners()
			.stream()
			.filter(ApplicationListenerMethodAdapter.class::isInstance)
			.map(ApplicationListenerMethodAdapter.class::cast)
			.filter((listener) -> listener.supportsEventType(contentChanged))
			.sorted(AnnotationAwareOrderComparator.INSTANCE)
			.toList();
		List<String> heard = listeners.stream().map(ContentChangedOrderTests::owner).toList();
		assertThat(heard).hasSize(6);
		assertThat(heard.subList(0, 2)).containsExactlyInAnyOrder("AlsoReadService", "RankingService");
		// readers with an article open are told after its pages were dropped, so that
		// what
		// they ask for next is new
		// and edge caches are purged of media last of all
		assertThat(heard.subList(2, 6)).containsExactly("LayoutAdvice", "PageCache", "CommentStreams", "EdgePurger");
	}

	private static String owner(ApplicationListener<?> listener) {
		String id = ((ApplicationListenerMethodAdapter) listener).getListenerId();
		String method = id.substring(0, id.indexOf('('));
		String type = method.substring(0, method.lastIndexOf('.'));
		return type.substring(type.lastIndexOf('.') + 1);
	}

}
