package dev.shimbun.backup;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.shimbun.ShimbunApplication;
import dev.shimbun.media.MediaLibrary;
import dev.shimbun.media.MediaView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The whole application started on given settings, as an operator starts it, and used
 * through MockMvc as readers and staff use it: for the backup and restore journeys, which
 * stop it and start it again on restored data.
 */
final class RunningSite implements AutoCloseable {

	/** The seeded EDD article (db/seed). */
	static final String ARTICLE = "/articles/us-japan-extended-deterrence-dialogue-barksdale-b52";

	static final String ARTICLE_TEXT = "米国と日本は5~6日、ルイジアナ州バークスデール空軍基地で日米拡大抑止協議(EDD)を実施した。";

	private final ConfigurableApplicationContext context;

	private final MockMvc mvc;

	private RunningSite(ConfigurableApplicationContext context) {
		this.context = context;
		this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
	}

	static RunningSite start(String... arguments) {
		String[] all = Stream
			.concat(Stream.of("--server.port=0", "--shimbun.scheduling.enabled=false", "--spring.main.banner-mode=off"),
					Stream.of(arguments))
			.toArray(String[]::new);
		return new RunningSite(new SpringApplicationBuilder(ShimbunApplication.class).run(all));
	}

	static RequestPostProcessor admin() {
		return user("chief").roles("ADMIN");
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	MvcResult perform(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn();
	}

	Document page(String path) throws Exception {
		return page(path, null);
	}

	Document adminPage(String path) throws Exception {
		return page(path, admin());
	}

	private Document page(String path, RequestPostProcessor as) throws Exception {
		var request = get(path);
		if (as != null) {
			request.with(as);
		}
		MvcResult result = perform(request);
		assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost");
	}

	/** Posts a reader's comment on the article; returns the id of its element. */
	String postComment(String article, String nickname, String body) throws Exception {
		MvcResult result = perform(post(article + "/comments").header("Origin", "http://localhost:8080")
			.param("nickname", nickname)
			.param("body", body)
			.with((request) -> {
				request.setRemoteAddr("198.51.100.77");
				return request;
			}));
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as("comment posted").contains("?comment=posted#comment-");
		return location.replaceAll(".*#", "");
	}

	/** Uploads an image through the media library as an editor; returns its item. */
	MediaView uploadImage(String name, byte[] png) throws Exception {
		MvcResult result = perform(multipart("/admin/media").file(new MockMultipartFile("file", name, "image/png", png))
			.param("altText", "バックアップの確認用の画像")
			.with(user("hanako").roles("EDITOR"))
			.with(csrf()));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/media");
		List<MediaView> found = bean(MediaLibrary.class).library(name, 0).getContent();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	byte[] fetch(String path) throws Exception {
		return fetch(path, null);
	}

	/**
	 * A file as an editor gets it: media items that no visible article shows are served
	 * to editors only.
	 */
	byte[] fetchAsEditor(String path) throws Exception {
		return fetch(path, user("hanako").roles("EDITOR"));
	}

	private byte[] fetch(String path, RequestPostProcessor as) throws Exception {
		var request = get(path);
		if (as != null) {
			request.with(as);
		}
		MvcResult result = perform(request);
		assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** A small real PNG, different for each seed. */
	static byte[] png(int seed) throws IOException {
		BufferedImage image = new BufferedImage(800, 450, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(seed * 40 % 256, 90, 160));
		graphics.fillRect(0, 0, 800, 450);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(100 + seed % 300, 100, 200, 120);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
