package dev.shimbun.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditEntry;
import dev.shimbun.audit.AuditFilter;
import dev.shimbun.audit.AuditService;
import dev.shimbun.article.ArticleAdminService;
import dev.shimbun.article.ArticleForm;
import dev.shimbun.article.BlockForm;
import dev.shimbun.article.BlockKind;
import dev.shimbun.web.PageFetcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The media library through MockMvc: uploads checked by content, files and variants on
 * disk, served with their type and cache headers, nothing stored for a refused upload.
 */
@SpringBootTest(properties = "shimbun.media.max-upload-size=300KB")
@AutoConfigureMockMvc
@WithMockUser(username = "hanako", roles = "EDITOR")
@Import(MediaAdminTests.FlakyStorageConfiguration.class)
class MediaAdminTests {

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
	private MediaLibrary library;

	@Autowired
	private MediaAccess access;

	@Autowired
	private AuditService audit;

	@Autowired
	private FlakyStorage storage;

	@Autowired
	private ArticleAdminService articles;

	@AfterEach
	void storageWorksAgain() {
		this.storage.failOn = null;
	}

	@Test
	void uploadPngThenStoredWithVariantsAndServedWithCacheHeaders() throws Exception {
		String name = unique("kaiken") + ".png";
		byte[] png = TestImages.png(1600, 900);
		upload(new MockMultipartFile("file", name, "image/png", png), "altText", "記者会見で話す外相", "caption", "記者会見(東京・霞が関)",
				"credit", "共同通信");
		MediaView item = uploaded(name);
		assertThat(item.contentType()).isEqualTo("image/png");
		assertThat(item.width()).isEqualTo(1600);
		assertThat(item.height()).isEqualTo(900);
		assertThat(item.altText()).isEqualTo("記者会見で話す外相");
		assertThat(item.caption()).isEqualTo("記者会見(東京・霞が関)");
		assertThat(item.credit()).isEqualTo("共同通信");
		assertThat(item.url()).isEqualTo("/media/" + item.id());
		assertThat(item.src()).isEqualTo("/media/" + item.id() + "/1280");
		assertThat(item.srcset()).isEqualTo("/media/%d/640 640w, /media/%d/1280 1280w".formatted(item.id(), item.id()));
		assertThat(filesOf(item)).containsExactly("1280", "640", "original");
		assertThat(directoryOf(item)).startsWith(mediaDir);

		MockHttpServletResponse original = fetch(item.url());
		assertThat(original.getContentType()).isEqualTo("image/png");
		assertThat(original.getContentAsByteArray()).isEqualTo(png);
		// in no article yet: for editors only, and kept by no cache
		assertThat(original.getHeader(HttpHeaders.CACHE_CONTROL)).contains("private", "no-store");
		assertThat(original.getHeader(HttpHeaders.ETAG)).isNotBlank();
		assertThat(original.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		for (int width : new int[] { 640, 1280 }) {
			MockHttpServletResponse variant = fetch(item.url() + "/" + width);
			assertThat(variant.getContentType()).isEqualTo("image/png");
			assertThat(variant.getHeader(HttpHeaders.CACHE_CONTROL)).contains("private", "no-store");
			assertThat(TestImages.read(variant.getContentAsByteArray()).getWidth()).isEqualTo(width);
		}
		this.mvc.perform(get(item.url()).header(HttpHeaders.IF_NONE_MATCH, original.getHeader(HttpHeaders.ETAG)))
			.andExpect(status().isNotModified());

		List<AuditEntry> uploads = this.audit
			.search(new AuditFilter(null, AuditAction.MEDIA_UPLOADED, "media", null, null), 0)
			.getContent();
		assertThat(uploads).anySatisfy((entry) -> {
			assertThat(entry.actor()).isEqualTo("hanako");
			assertThat(entry.targetId()).isEqualTo(String.valueOf(item.id()));
			assertThat(entry.detail()).contains(name, "image/png", "1600×900");
		});
	}

	@Test
	void libraryFilesAreForEditorsAndUnknownOnesAreNotFound() throws Exception {
		MediaView item = this.media
			.upload(new MockMultipartFile("file", "a.jpg", "image/jpeg", TestImages.jpeg(700, 350)), new MediaForm());
		assertThat(fetch(item.url()).getContentType()).isEqualTo("image/jpeg");
		for (String url : new String[] { item.url(), item.url() + "/640", item.url() + "/1280" }) {
			this.mvc.perform(get(url).with(anonymous()))
				.andExpect(status().isNotFound())
				.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"));
		}
		// 700 wide: a 640 variant, and the original stands in for 1280
		assertThat(item.srcset()).isEqualTo("/media/%d/640 640w, /media/%d 700w".formatted(item.id(), item.id()));
		assertThat(item.src()).isEqualTo(item.url());
		MockHttpServletResponse large = fetch(item.url() + "/1280");
		assertThat(TestImages.read(large.getContentAsByteArray()).getWidth()).isEqualTo(700);
		this.mvc.perform(get(item.url() + "/320")).andExpect(status().isNotFound());
		this.mvc.perform(get(item.url() + "/original")).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/987654321")).andExpect(status().isNotFound());
		this.mvc.perform(get("/media/987654321/640")).andExpect(status().isNotFound());
	}

	@Test
	void uploadJpegThenJpegVariants() throws Exception {
		String name = unique("photo") + ".JPG";
		upload(new MockMultipartFile("file", name, "application/octet-stream", TestImages.jpeg(1400, 1000)));
		MediaView item = uploaded(name);
		assertThat(item.contentType()).isEqualTo("image/jpeg");
		assertThat(fetch(item.url()).getContentType()).isEqualTo("image/jpeg");
		MockHttpServletResponse variant = fetch(item.url() + "/640");
		assertThat(variant.getContentType()).isEqualTo("image/jpeg");
		assertThat(TestImages.read(variant.getContentAsByteArray()).getHeight()).isEqualTo(457);
	}

	@Test
	void uploadGifAndWebpThenAcceptedWithTheirVariants() throws Exception {
		String gifName = unique("chart") + ".gif";
		upload(new MockMultipartFile("file", gifName, "image/gif", TestImages.gif(1300, 600)));
		MediaView gif = uploaded(gifName);
		assertThat(fetch(gif.url()).getContentType()).isEqualTo("image/gif");
		assertThat(fetch(gif.url() + "/1280").getContentType()).isEqualTo("image/png");

		String webpName = unique("scene") + ".webp";
		upload(new MockMultipartFile("file", webpName, "image/webp", TestImages.WEBP_1400x700));
		MediaView webp = uploaded(webpName);
		assertThat(webp.width()).isEqualTo(1400);
		assertThat(fetch(webp.url()).getContentType()).isEqualTo("image/webp");
		assertThat(fetch(webp.url() + "/640").getContentType()).isEqualTo("image/jpeg");
	}

	@Test
	void disguisedTextFileIsRejectedAndNothingIsStored() throws Exception {
		byte[] text = "This is not a picture, only text.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
		Document form = rejected(new MockMultipartFile("file", "photo.jpg", "image/jpeg", text), "写真の説明", 422);
		assertThat(form.getElementById("file-error").text())
			.isEqualTo("このファイルは JPEG、PNG、WebP、GIF のどの画像でもありません(ファイル名ではなく中身で判定しています)。");
	}

	@Test
	void brokenJpegIsRejected() throws Exception {
		byte[] truncated = TestImages.truncated(TestImages.jpeg(1200, 800), 0.5);
		Document form = rejected(new MockMultipartFile("file", "cut.jpg", "image/jpeg", truncated), "途中で切れた写真", 422);
		assertThat(form.getElementById("file-error").text()).startsWith("画像ファイルが壊れているか途中で切れているため");
	}

	@Test
	void tooLargeFileIsRejectedWithTheLimit() throws Exception {
		byte[] large = new byte[400 * 1024];
		byte[] jpeg = TestImages.jpeg(100, 100);
		System.arraycopy(jpeg, 0, large, 0, jpeg.length);
		Document form = rejected(new MockMultipartFile("file", "huge.jpg", "image/jpeg", large), "大きな写真", 413);
		assertThat(form.getElementById("file-error").text()).isEqualTo("ファイルが大きすぎます。300KB 以下の画像を選んでください。");
	}

	@Test
	void imageWithTooManyPixelsIsRejectedWith422() throws Exception {
		byte[] huge = ImageBombs.pngSized(100_000, 100_000);
		Document form = rejected(new MockMultipartFile("file", "huge.png", "image/png", huge), "巨大な画像", 422);
		assertThat(form.getElementById("file-error").text())
			.isEqualTo("画像の画素数が多すぎます(100000×100000 ピクセル)。5000万画素以下に縮小してからアップロードしてください。");
	}

	@Test
	void itemInUseIsNotDeletedAndTheConfirmationAnswers409() throws Exception {
		MediaView item = this.media
			.upload(new MockMultipartFile("file", "used.png", "image/png", TestImages.png(300, 200)), new MediaForm());
		ArticleForm article = new ArticleForm();
		article.setHeadline("使われている画像");
		article.setCategoryId(1L);
		article.setAuthorId(1L);
		BlockForm figure = new BlockForm();
		figure.setKind(BlockKind.FIGURE);
		figure.setMediaId(item.id());
		figure.setAltText("図");
		article.setBlocks(List.of(figure));
		this.articles.create(article);
		String html = this.mvc.perform(post("/admin/media/{id}/delete", item.id()).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(Jsoup.parse(html).text()).contains("この画像は記事で使われているため、削除できません。");
		assertThat(this.library.find(item.id())).isPresent();
	}

	@Test
	void tooLongAltTextOnEditKeepsTheFormWith422() throws Exception {
		MediaView item = this.media
			.upload(new MockMultipartFile("file", "alt.png", "image/png", TestImages.png(200, 100)), new MediaForm());
		this.mvc
			.perform(post("/admin/media/{id}", item.id()).with(csrf())
				.param("altText", "あ".repeat(301))
				.param("version", String.valueOf(item.version())))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.library.get(item.id()).altText()).isNull();
	}

	@Test
	void emptyFileIsRejected() throws Exception {
		Document form = rejected(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]), "", 422);
		assertThat(form.getElementById("file-error").text()).isEqualTo("画像ファイルを選んでください。");
	}

	@Test
	void tooLongAltTextKeepsTheFormAndStoresNothing() throws Exception {
		Document form = rejected(new MockMultipartFile("file", "ok.png", "image/png", TestImages.png(100, 100)),
				"あ".repeat(301), 422);
		assertThat(form.getElementById("altText-error").text()).isEqualTo("代替テキストは300文字以内で入力してください。");
		assertThat(form.getElementById("file-again")).isNotNull();
	}

	@Test
	void failedWriteLeavesNoFileAndNoRow() throws Exception {
		this.storage.failOn = "1280";
		Document form = rejected(new MockMultipartFile("file", "disk-full.png", "image/png", TestImages.png(1500, 800)),
				"ディスクがいっぱい", 503);
		assertThat(form.getElementById("file-error").text()).startsWith("画像を保存できませんでした。何も保存されていません。");
		assertThat(
				this.audit.search(new AuditFilter(null, AuditAction.MEDIA_UPLOADED, null, null, null), 0).getContent())
			.noneSatisfy((entry) -> assertThat(entry.detail()).contains("disk-full.png"));
	}

	@Test
	void editorChangesTheDescriptionAndAStaleFormGetsTheConflictPage() throws Exception {
		MediaView item = this.media
			.upload(new MockMultipartFile("file", "edit.png", "image/png", TestImages.png(200, 100)), new MediaForm());
		Document page = new PageFetcher(this.mvc).get("/admin/media/" + item.id() + "/edit");
		assertThat(page.selectFirst("h1").text()).isEqualTo("edit.png を編集");
		assertThat(page.getElementById("version").val()).isEqualTo(String.valueOf(item.version()));
		this.mvc
			.perform(post("/admin/media/{id}", item.id()).with(csrf())
				.param("altText", "  夕暮れの国会議事堂  ")
				.param("caption", "")
				.param("credit", "本社写真部")
				.param("version", String.valueOf(item.version())))
			.andExpect(redirectedUrl("/admin/media"))
			.andExpect(flash().attribute("notice", "media.notice.updated"));
		MediaView changed = this.library.get(item.id());
		assertThat(changed.altText()).isEqualTo("夕暮れの国会議事堂");
		assertThat(changed.caption()).isNull();
		assertThat(changed.credit()).isEqualTo("本社写真部");
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.MEDIA_CHANGED, "media", null, null), 0)
			.getContent()).anySatisfy((entry) -> assertThat(entry.targetId()).isEqualTo(String.valueOf(item.id())));
		this.mvc
			.perform(post("/admin/media/{id}", item.id()).with(csrf())
				.param("altText", "古い版")
				.param("version", String.valueOf(item.version())))
			.andExpect(status().isConflict());
		assertThat(this.library.get(item.id()).altText()).isEqualTo("夕暮れの国会議事堂");
	}

	@Test
	void deleteRemovesTheRowAndTheFiles() throws Exception {
		MediaView item = this.media.upload(
				new MockMultipartFile("file", "gone.jpg", "image/jpeg", TestImages.jpeg(1000, 500)), new MediaForm());
		Path directory = directoryOf(item);
		assertThat(filesIn(directory)).containsExactly("640", "original");
		Document confirm = new PageFetcher(this.mvc).get("/admin/media/" + item.id() + "/delete");
		assertThat(confirm.text()).contains("削除は元に戻せません");
		this.mvc.perform(post("/admin/media/{id}/delete", item.id()).with(csrf()))
			.andExpect(redirectedUrl("/admin/media"))
			.andExpect(flash().attribute("notice", "media.notice.deleted"));
		assertThat(this.library.find(item.id())).isEmpty();
		assertThat(directory).doesNotExist();
		this.mvc.perform(get(item.url())).andExpect(status().isNotFound());
		assertThat(this.audit.search(new AuditFilter(null, AuditAction.MEDIA_DELETED, "media", null, null), 0)
			.getContent()).anySatisfy((entry) -> assertThat(entry.detail()).isEqualTo("gone.jpg"));
	}

	@Test
	void libraryShowsThumbnailsWithTheirAltTextAndFindsByText() throws Exception {
		String word = unique("sakura");
		MediaForm form = new MediaForm();
		form.setAltText("満開の桜 " + word);
		MediaView item = this.media
			.upload(new MockMultipartFile("file", "tree.jpg", "image/jpeg", TestImages.jpeg(800, 600)), form);
		Document page = new PageFetcher(this.mvc).get("/admin/media?q=" + word);
		assertThat(page.select("tbody tr")).hasSize(1);
		Element thumbnail = page.selectFirst("tbody img");
		assertThat(thumbnail.attr("src")).isEqualTo("/media/" + item.id() + "/640");
		assertThat(thumbnail.attr("alt")).isEqualTo("満開の桜 " + word);
		assertThat(thumbnail.attr("height")).isEqualTo("120");
		assertThat(page.select("tbody a").eachText()).contains("tree.jpg を編集", "tree.jpg を削除");
		assertThat(this.library.library(word.toUpperCase(), 0).getContent()).extracting(MediaView::id)
			.containsExactly(item.id());
		assertThat(this.library.library("100%", 0).getContent()).isEmpty();
		assertThat(new PageFetcher(this.mvc).get("/admin/media?q=no-such-word-" + word).text())
			.contains("に一致する画像はありません。");
	}

	@Test
	void uploadFormLabelsTheFileFieldAndTiesItsHint() throws Exception {
		Document page = new PageFetcher(this.mvc).get("/admin/media/new");
		Element file = page.getElementById("file");
		assertThat(file.attr("type")).isEqualTo("file");
		assertThat(page.selectFirst("label[for=file]").text()).isEqualTo("画像ファイル");
		assertThat(file.attr("aria-describedby")).isEqualTo("file-hint");
		assertThat(page.getElementById("file-hint").text()).contains("300KB");
		assertThat(page.selectFirst("main form").attr("enctype")).isEqualTo("multipart/form-data");
		assertThat(page.selectFirst("main form").attr("action")).startsWith("/admin/media?_csrf=");
	}

	@Test
	@WithMockUser(username = "moderator", roles = "MODERATOR")
	void moderatorCannotReachTheMediaLibrary() throws Exception {
		this.mvc.perform(get("/admin/media")).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/media/new")).andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/admin/media")
				.file(new MockMultipartFile("file", "x.png", "image/png", TestImages.png(10, 10)))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithAnonymousUser
	void anonymousIsSentToSignIn() throws Exception {
		this.mvc.perform(get("/admin/media")).andExpect(redirectedUrl("/admin/login"));
		this.mvc
			.perform(multipart("/admin/media")
				.file(new MockMultipartFile("file", "x.png", "image/png", TestImages.png(10, 10)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/login"));
	}

	/** Uploads through the form; parameters come in name, value pairs. */
	private void upload(MockMultipartFile file, String... parameters) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/admin/media").file(file);
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		this.mvc.perform(request.with(csrf()))
			.andExpect(redirectedUrl("/admin/media"))
			.andExpect(flash().attribute("notice", "media.notice.uploaded"));
	}

	private MediaView uploaded(String name) {
		List<MediaView> found = this.library.library(name, 0).getContent();
		assertThat(found).as("uploaded %s", name).hasSize(1);
		return found.get(0);
	}

	private Document rejected(MockMultipartFile file, String altText, int status) throws Exception {
		long rows = this.library.library(null, 0).getTotalElements();
		List<Path> files = allFiles();
		String html = this.mvc
			.perform(multipart("/admin/media").file(file)
				.param("altText", altText)
				.param("caption", "キャプションは残る")
				.param("credit", "クレジットも残る")
				.with(csrf()))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(this.library.library(null, 0).getTotalElements()).as("rows").isEqualTo(rows);
		assertThat(allFiles()).as("files").isEqualTo(files);
		Document form = Jsoup.parse(html);
		Element field = form.getElementById("file");
		if (form.getElementById("file-error") != null) {
			assertThat(field.attr("aria-invalid")).isEqualTo("true");
			assertThat(field.attr("aria-describedby")).contains("file-error");
		}
		assertThat(form.getElementById("altText").val()).isEqualTo(altText);
		assertThat(form.getElementById("caption").text()).isEqualTo("キャプションは残る");
		assertThat(form.getElementById("credit").val()).isEqualTo("クレジットも残る");
		assertThat(form.selectFirst(".error-summary")).isNotNull();
		// the form in the admin layout
		assertThat(form.title()).isEqualTo("画像をアップロード");
		assertThat(form.selectFirst("body.admin #admin-menu")).isNotNull();
		return form;
	}

	private MockHttpServletResponse fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
	}

	/** The directory with the files of an item. */
	private Path directoryOf(MediaView item) throws IOException {
		// a MockMvc request ends by clearing the thread's security context
		SecurityContextHolder.setContext(TestSecurityContextHolder.getContext());
		return this.access.file(item.id(), null).resource().getFile().toPath().getParent();
	}

	private List<String> filesOf(MediaView item) throws IOException {
		return filesIn(directoryOf(item));
	}

	private static List<String> filesIn(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	private static List<Path> allFiles() throws IOException {
		try (Stream<Path> files = Files.walk(mediaDir)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyStorageConfiguration {

		@Bean
		@Primary
		FlakyStorage flakyStorage(LocalMediaStorage local) {
			return new FlakyStorage(local);
		}

	}

	/** The real storage, which can be told to fail on one variant. */
	static class FlakyStorage implements MediaStorage {

		private final LocalMediaStorage local;

		volatile String failOn;

		FlakyStorage(LocalMediaStorage local) {
			this.local = local;
		}

		@Override
		public void put(String key, String variant, byte[] content) throws IOException {
			if (variant.equals(this.failOn)) {
				throw new IOException("No space left on device");
			}
			this.local.put(key, variant, content);
		}

		@Override
		public Optional<Resource> get(String key, String variant) {
			return this.local.get(key, variant);
		}

		@Override
		public void delete(String key, String variant) throws IOException {
			this.local.delete(key, variant);
		}

		@Override
		public List<MediaFiles.Entry> list() throws IOException {
			return this.local.list();
		}

		@Override
		public String location() {
			return this.local.location();
		}

	}

}
