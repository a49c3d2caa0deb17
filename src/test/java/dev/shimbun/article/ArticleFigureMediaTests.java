package dev.shimbun.article;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import dev.shimbun.media.MediaForm;
import dev.shimbun.media.MediaService;
import dev.shimbun.media.MediaView;
import dev.shimbun.support.SiteTest;
import dev.shimbun.web.HtmlForm;
import dev.shimbun.web.PageFetcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
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

	private MediaView upload(String alt) throws Exception {
		BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(40, 90, 160));
		graphics.fillRect(0, 0, 1600, 900);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		MediaForm form = new MediaForm();
		form.setAltText(alt);
		form.setCredit("Shimbun写真部");
		return this.media.upload(new MockMultipartFile("file", "runway.png", "image/png", png.toByteArray()), form);
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
