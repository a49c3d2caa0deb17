package dev.shimbun.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleService;
import dev.shimbun.category.CategoryService;
import dev.shimbun.category.CategoryView;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.comment.CommentService;
import dev.shimbun.database.DatabaseUnavailable;
import dev.shimbun.observability.RequestId;
import dev.shimbun.pagecache.PageCache;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.ranking.SidebarView;
import dev.shimbun.search.SearchService;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the site layout shows: the site identity, the main menus and the
 * sidebars, and the request id that error pages ask readers to quote. It applies to the
 * controllers of pages in that layout (articles and their previews, categories, the front
 * page) and to error pages, not to images or admin forms.
 * <p>
 * The menus and sidebars are kept in memory, not read for every page: they are read again
 * after a change of what they show, and at most every {@link #RECHECK} otherwise (lists
 * have entries that start and end at set times; when that changes the sidebar, the kept
 * pages are dropped). A failure to read them, the database being unavailable say, keeps
 * what was shown before, so that error pages and pages rendered during an outage still
 * have their menus.
 */
@ControllerAdvice(basePackageClasses = { ArticleService.class, CategoryService.class, CommentService.class,
		SearchService.class, LayoutAdvice.class }, assignableTypes = ErrorController.class)
class LayoutAdvice {

	/** The longest the menus and sidebars are kept without a change. */
	static final Duration RECHECK = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(LayoutAdvice.class);

	private final ShimbunProperties.Site site;

	private final Kept<List<CategoryView>> menu;

	private final Kept<SidebarView> sidebar;

	LayoutAdvice(ShimbunProperties properties, CategoryService categories, CuratedListService lists, PageCache pages,
			Clock clock) {
		this.site = properties.site();
		this.menu = new Kept<>("Main menu", categories::menu, List.of(), pages, clock);
		this.sidebar = new Kept<>("Sidebar", lists::sidebar, SidebarView.empty(), pages, clock);
	}

	@ModelAttribute("site")
	ShimbunProperties.Site site() {
		return this.site;
	}

	@ModelAttribute("requestId")
	String requestId(HttpServletRequest request) {
		return RequestId.of(request);
	}

	@ModelAttribute("menu")
	List<CategoryView> menu() {
		return this.menu.get();
	}

	@ModelAttribute("sidebar")
	SidebarView sidebar() {
		return this.sidebar.get();
	}

	/**
	 * Menus and sidebars show categories, lists, rankings and headlines (which an edit of
	 * an article's text alone leaves as they were).
	 */
	@EventListener
	@Order(ContentChanged.DERIVED)
	void onChange(ContentChanged change) {
		ContentChanged.Topic topic = change.topic();
		if (topic.changesPages() && topic != ContentChanged.Topic.COMMENTS
				&& topic != ContentChanged.Topic.COMMENTS_REMOVED
				&& topic != ContentChanged.Topic.ARTICLE_TEXT_EDITED) {
			this.menu.changed();
			this.sidebar.changed();
		}
	}

	/**
	 * A value read from the database and kept until it changes or is {@link #RECHECK}
	 * old; one request reads it again while the others use the kept one.
	 */
	private static final class Kept<T> {

		private final String name;

		private final Supplier<T> source;

		private final PageCache pages;

		private final Clock clock;

		private final ReentrantLock reading = new ReentrantLock();

		private volatile T value;

		private volatile boolean loaded;

		/** When the value is to be read again. */
		private volatile Instant due = Instant.MIN;

		/** Grows at every change, so that a reading across a change is not trusted. */
		private final AtomicLong changes = new AtomicLong();

		Kept(String name, Supplier<T> source, T empty, PageCache pages, Clock clock) {
			this.name = name;
			this.source = source;
			this.value = empty;
			this.pages = pages;
			this.clock = clock;
		}

		void changed() {
			this.changes.incrementAndGet();
			this.due = Instant.MIN;
		}

		T get() {
			Instant now = this.clock.instant();
			if (now.isBefore(this.due)) {
				return this.value;
			}
			// the first reading is waited for; later ones are made by one request only
			if (!this.loaded) {
				this.reading.lock();
			}
			else if (!this.reading.tryLock()) {
				return this.value;
			}
			try {
				if (!this.clock.instant().isBefore(this.due)) {
					this.due = reload();
				}
			}
			finally {
				this.reading.unlock();
			}
			return this.value;
		}

		/**
		 * Reads the value again and says when it is due next: after {@link #RECHECK}, or
		 * at once if a change was announced during the reading, or in a second if it
		 * failed (the value shown so far is kept).
		 */
		private Instant reload() {
			try {
				Instant started = this.clock.instant();
				long seen = this.changes.get();
				T fresh = this.source.get();
				boolean differs = this.loaded && !fresh.equals(this.value);
				this.value = fresh;
				this.loaded = true;
				if (differs) {
					// kept pages show the old one (a list entry started or ended)
					this.pages.dropPages();
				}
				return (this.changes.get() == seen) ? started.plus(RECHECK) : this.due;
			}
			catch (RuntimeException ex) {
				if (DatabaseUnavailable.is(ex)) {
					logger.debug("{} not read: the database is unavailable", this.name, ex);
				}
				else {
					logger.warn("{} unavailable", this.name, ex);
				}
				return this.clock.instant().plus(Duration.ofSeconds(1));
			}
		}

	}

}
