package dev.shimbun.web;

import dev.shimbun.category.CategoryService;
import dev.shimbun.cluster.ContentChanged;
import dev.shimbun.ranking.CuratedListService;
import dev.shimbun.support.OwnContext;
import dev.shimbun.support.SiteTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The menus and sidebars of every page are read from the database once and kept: not
 * again for the next page, again after a change of what they show, and when reading fails
 * the page keeps what was shown before. Pages are rendered without the page cache.
 */
@SiteTest
@TestPropertySource(properties = "shimbun.pages.cache=false")
@OwnContext
@DirtiesContext
class LayoutModelTests {

	@Autowired
	private MockMvc mvc;

	@MockitoSpyBean
	private CategoryService categories;

	@MockitoSpyBean
	private CuratedListService lists;

	@Autowired
	private ApplicationEventPublisher events;

	@BeforeEach
	void readOnce() throws Exception {
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.CATEGORY, null, true));
		this.mvc.perform(get("/")).andExpect(status().isOk());
		reset(this.categories, this.lists);
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void pagesDoNotReadTheMenusAndSidebarsAgain() throws Exception {
		page("/articles/why-we-yawn");
		page("/categories/fun");
		page("/search?q=%E3%81%82%E3%81%8F%E3%81%B3");
		verify(this.categories, never()).menu();
		verify(this.lists, never()).sidebar();
	}

	@Test
	void aChangeOfWhatTheyShowHasThemReadAgainOnce() throws Exception {
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.LIST, "3", true));
		page("/");
		page("/categories/fun");
		verify(this.categories, times(1)).menu();
		verify(this.lists, times(1)).sidebar();
		clearInvocations(this.categories, this.lists);
		// comments are not in them
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.COMMENTS, "why-we-yawn", true));
		page("/");
		verify(this.categories, never()).menu();
		verify(this.lists, never()).sidebar();
	}

	@Test
	void whenReadingFailsPagesKeepTheMenusShownBefore() throws Exception {
		doThrow(new DataAccessResourceFailureException("database unavailable")).when(this.categories).menu();
		doThrow(new DataAccessResourceFailureException("database unavailable")).when(this.lists).sidebar();
		this.events.publishEvent(new ContentChanged(ContentChanged.Topic.CATEGORY, null, true));
		var document = Jsoup.parse(page("/categories/fun"));
		verify(this.categories, times(1)).menu();
		assertThat(document.select("nav a").eachText()).contains("ニュース", "トレンド", "おもしろ");
		assertThat(document.select("aside").text()).isNotBlank();
	}

}
