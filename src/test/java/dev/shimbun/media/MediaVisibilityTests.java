package dev.shimbun.media;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import dev.shimbun.MutableClock;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.article.ArticleStatus;
import dev.shimbun.article.BlockForm;
import dev.shimbun.article.BlockKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The files of a media item are public once an article that readers can see shows it;
 * until then (drafts, scheduled articles before their time, articles taken down, items
 * only in the library) they are served to editors only, never stored by a cache, and
 * everybody else gets a 404. Variants follow the same rule as the original.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shimbun.scheduling.enabled=false", "shimbun.admin.username=chief",
				"shimbun.admin.password=a-long-enough-secret" })
@AutoConfigureMockMvc
@Import(MutableClock.Config.class)
class MediaVisibilityTests {

	private static final String PUBLIC = "max-age=31536000, public, immutable";

	@TempDir
	static Path mediaDir;

	@DynamicPropertySource
	static void mediaDirectory(DynamicPropertyRegistry registry) {
		registry.add("shimbun.media.dir", () -> mediaDir.toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MediaService media;

	@Autowired
	private ArticleAdminService articles;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ShimbunProperties properties;

	@LocalServerPort
	private int port;

	@BeforeEach
	void signInAsEditor() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("hanako", null, "ROLE_EDITOR"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void draftImageIsForEditorsOnlyUntilItsArticleIsPublished() throws Exception {
		MediaView item = upload();
		Long article = article(ArticleStatus.DRAFT, null, null, item);
		for (String url : urls(item)) {
			assertHidden(url);
			MockHttpServletResponse editor = fetch(url, user("hanako").roles("EDITOR"));
			assertThat(editor.getStatus()).as(url).isEqualTo(200);
			assertThat(editor.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).contains("private", "no-store");
			assertThat(fetch(url, user("chief").roles("ADMIN")).getStatus()).as("admin %s", url).isEqualTo(200);
			assertThat(fetch(url, user("mod").roles("MODERATOR")).getStatus()).as("moderator %s", url).isEqualTo(404);
			// what an editor got was kept by nothing in between
			assertHidden(url);
		}

		ArticleForm form = this.articles.form(article);
		form.setStatus(ArticleStatus.PUBLISHED);
		this.articles.update(article, form);
		for (String url : urls(item)) {
			MockHttpServletResponse reader = fetch(url, anonymous());
			assertThat(reader.getStatus()).as(url).isEqualTo(200);
			assertThat(reader.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).isEqualTo(PUBLIC);
			assertThat(fetch(url, user("hanako").roles("EDITOR")).getHeader(HttpHeaders.CACHE_CONTROL)).as(url)
				.isEqualTo(PUBLIC);
		}
	}

	@Test
	void scheduledImageBecomesPublicAtItsTimeAndHiddenAgainWhenTakenDown() throws Exception {
		MediaView item = upload();
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), this.properties.site().zone());
		article(ArticleStatus.SCHEDULED, now.plusHours(1), now.plusHours(3), item);
		urls(item).forEach(this::assertHidden);

		this.clock.advance(Duration.ofMinutes(59));
		urls(item).forEach(this::assertHidden);

		this.clock.advance(Duration.ofMinutes(1));
		for (String url : urls(item)) {
			MockHttpServletResponse reader = fetch(url, anonymous());
			assertThat(reader.getStatus()).as(url).isEqualTo(200);
			assertThat(reader.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).isEqualTo(PUBLIC);
		}

		this.clock.advance(Duration.ofHours(2));
		urls(item).forEach(this::assertHidden);
	}

	@Test
	void imageInTheLibraryOnlyOrOnlyInAnUnpublishedArticleIsNotPublic() throws Exception {
		MediaView library = upload();
		urls(library).forEach(this::assertHidden);
		MediaView taken = upload();
		article(ArticleStatus.UNPUBLISHED, null, null, taken);
		urls(taken).forEach(this::assertHidden);
		// an image shown by a visible article stays public when a draft uses it as well
		MediaView shared = upload();
		article(ArticleStatus.PUBLISHED, null, null, shared);
		article(ArticleStatus.DRAFT, null, null, shared);
		assertThat(fetch(shared.url(), anonymous()).getStatus()).isEqualTo(200);
	}

	@Test
	void signedInEditorsSessionCookieReachesTheImagesOfAPreview() throws Exception {
		MediaView item = upload();
		Long article = article(ArticleStatus.DRAFT, null, null, item);
		HttpClient editor = signedIn();
		HttpClient reader = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		Document preview = Jsoup.parse(send(editor, "/admin/articles/" + article + "/preview").body());
		List<String> images = preview.select("figure img").eachAttr("src");
		assertThat(images).isNotEmpty().allSatisfy((src) -> assertThat(src).startsWith(item.url()));
		for (String src : images) {
			HttpResponse<String> shown = send(editor, src);
			assertThat(shown.statusCode()).as(src).isEqualTo(200);
			assertThat(shown.headers().firstValue(HttpHeaders.CACHE_CONTROL)).as(src)
				.hasValueSatisfying((value) -> assertThat(value).contains("private", "no-store"));
			HttpResponse<String> refused = send(reader, src);
			assertThat(refused.statusCode()).as(src).isEqualTo(404);
			assertThat(refused.headers().firstValue(HttpHeaders.CACHE_CONTROL)).as(src).hasValue("no-store");
			assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
	}

	private void assertHidden(String url) {
		try {
			MockHttpServletResponse reader = fetch(url, anonymous());
			assertThat(reader.getStatus()).as(url).isEqualTo(404);
			assertThat(reader.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).isEqualTo("no-store");
			assertThat(String.valueOf(reader.getContentType())).as(url).doesNotStartWith("image/");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MockHttpServletResponse fetch(String url, RequestPostProcessor as) throws Exception {
		return this.mvc.perform(get(url).with(as)).andReturn().getResponse();
	}

	/** The original and both variants (the image is wider than 1280). */
	private static List<String> urls(MediaView item) {
		return List.of(item.url(), item.url() + "/640", item.url() + "/1280");
	}

	private MediaView upload() {
		MediaForm form = new MediaForm();
		form.setAltText("会見場の様子");
		return this.media.upload(new MockMultipartFile("file", "kaiken.jpg", "image/jpeg", TestImages.jpeg(1600, 900)),
				form);
	}

	private Long article(ArticleStatus status, LocalDateTime publishAt, LocalDateTime unpublishAt, MediaView item) {
		ArticleForm form = new ArticleForm();
		form.setHeadline("画像の公開 " + UUID.randomUUID());
		form.setCategoryId(1L);
		form.setAuthorId(1L);
		form.setStatus(status);
		form.setPublishAt(publishAt);
		form.setUnpublishAt(unpublishAt);
		BlockForm paragraph = new BlockForm();
		paragraph.setText("本文");
		BlockForm figure = new BlockForm();
		figure.setKind(BlockKind.FIGURE);
		figure.setMediaId(item.id());
		form.setBlocks(List.of(paragraph, figure));
		return this.articles.create(form);
	}

	/** A client signed in through the sign-in form: it holds the real session cookie. */
	private HttpClient signedIn() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Document login = Jsoup.parse(send(http, "/admin/login").body());
		String token = login.selectFirst("input[name=_csrf]").val();
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/admin/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=chief&password=a-long-enough-secret&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin"));
		return http;
	}

	private HttpResponse<String> send(HttpClient http, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
