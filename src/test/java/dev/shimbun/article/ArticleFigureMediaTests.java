package dev.shimbun.article;

import dev.shimbun.media.MediaService;
import dev.shimbun.media.MediaView;
import dev.shimbun.support.Media;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Figures that show items of the media library: srcset, the item's texts, and deletion
 * refused while in use.
 */
@SiteTest
@WithMockUser(username = "editor", roles = "EDITOR")
class ArticleFigureMediaTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MediaService media;

	@Autowired
	private ApplicationContext context;

	private MediaView upload(String alt) {
		return Media.png(1600, 900).altText(alt).credit("Shimbun写真部").save(this.context);
	}

	@Test
	void aFigureFromTheLibraryIsShownWithSrcsetAndTheItemsTexts() throws Exception {
		MediaView item = upload("滑走路の写真");
		PageFetcher pages = new PageFetcher(this.mvc);
		Document editor = pages.get("/admin/articles/new");
		HtmlForm form = HtmlForm.of(editor, "form.article-editor").set("headline", "メディアの図");
		Document withFigure = org.jsoup.Jsoup.parse(
				this.mvc.perform(form.submit("action", "add-figure")).andReturn().getResponse().getContentAsString());
		Element picker = withFigure.getElementById("blocks1.mediaId");
		assertThat(picker).as(withFigure.select("form.article-editor").html()).isNotNull();
		assertThat(picker.select("option").eachAttr("value")).contains(String.valueOf(item.id()));
		HtmlForm filled = HtmlForm.of(withFigure, "form.article-editor")
			.set("slug", "media-figure")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("status", "PUBLISHED")
			.set("blocks[0].text", "本文")
			.set("blocks[1].mediaId", String.valueOf(item.id()));
		this.mvc.perform(filled.submit("action", "save")).andExpect(redirectedUrlPattern("/admin/articles/*/edit"));
		Document page = pages.get("/articles/media-figure");
		Element img = page.selectFirst("figure img");
		assertThat(img.attr("src")).isEqualTo(item.src());
		assertThat(img.attr("srcset")).isEqualTo(item.srcset()).contains("640w", "1280w");
		assertThat(img.attr("alt")).isEqualTo("滑走路の写真");
		assertThat(page.selectFirst("figcaption").text()).isEqualTo("引用:Shimbun写真部");
		assertThat(this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(item.src()))
			.andReturn()
			.getResponse()
			.getContentType()).isEqualTo("image/png");
		assertThatThrownBy(() -> this.media.delete(item.id())).hasMessageContaining("media.error.inUse");
	}

	@Test
	void publishingNeedsAltTextWhenNeitherFigureNorItemHasOne() throws Exception {
		MediaView item = upload(null);
		Document editor = new PageFetcher(this.mvc).get("/admin/articles/new");
		Document withFigure = org.jsoup.Jsoup.parse(this.mvc.perform(
				HtmlForm.of(editor, "form.article-editor").set("headline", "代替テキストなし").submit("action", "add-figure"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		HtmlForm filled = HtmlForm.of(withFigure, "form.article-editor")
			.set("categoryId", "1")
			.set("authorId", "1")
			.set("status", "PUBLISHED")
			.set("blocks[1].mediaId", String.valueOf(item.id()));
		Document refused = org.jsoup.Jsoup
			.parse(this.mvc.perform(filled.submit("action", "save")).andReturn().getResponse().getContentAsString());
		assertThat(refused.getElementById("blocks[1].altText-error")).isNotNull();
		HtmlForm withAlt = HtmlForm.of(refused, "form.article-editor").set("blocks[1].altText", "図の説明");
		this.mvc.perform(withAlt.submit("action", "save")).andExpect(redirectedUrlPattern("/admin/articles/*/edit"));
	}

}
