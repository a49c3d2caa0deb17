package dev.shimbun.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.support.S3Server;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Media files in a bucket of a real S3-compatible server ({@link S3Server}, S3Proxy):
 * uploads put the original and its variants there, the site serves them from there, and a
 * deletion removes them. Nothing goes into the local media directory.
 */
@SiteTest
@WithMockUser(username = "hanako", roles = "EDITOR")
class S3MediaStorageTests {

	private static final String PREFIX = "media/";

	private static final S3Server s3 = S3Server.shared();

	private static final String BUCKET = s3.createBucket("shimbun-media");

	@DynamicPropertySource
	static void mediaInTheBucket(DynamicPropertyRegistry registry) {
		for (String setting : s3.mediaSettings(BUCKET)) {
			String[] nameAndValue = setting.split("=", 2);
			registry.add(nameAndValue[0], () -> nameAndValue[1]);
		}
		registry.add("shimbun.media.s3.prefix", () -> PREFIX);
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MediaLibrary library;

	@Autowired
	private MediaItemRepository items;

	@Autowired
	private ShimbunProperties properties;

	@Test
	void uploadThroughTheAdminPagePutsTheOriginalAndItsVariantsInTheBucket() throws Exception {
		byte[] image = TestImages.jpeg(1600, 900);
		MediaView item = upload("s3-upload.jpg", image);
		String key = fileKey(item);

		assertThat(objectsOf(key)).containsExactly(name(key, "1280"), name(key, "640"), name(key, "original"));
		assertThat(s3.object(BUCKET, name(key, "original"))).isEqualTo(image);
		assertThat(s3.client().headObject((request) -> request.bucket(BUCKET).key(name(key, "original"))).contentType())
			.isEqualTo("image/jpeg");
		assertThat(s3.client().headObject((request) -> request.bucket(BUCKET).key(name(key, "640"))).contentType())
			.isEqualTo(variantType(item));
		assertThat(this.properties.mediaDirectory().resolve(key.substring(0, 2)).resolve(key)).doesNotExist();
	}

	@Test
	void theSiteServesTheFilesFromTheBucket() throws Exception {
		byte[] image = TestImages.jpeg(1600, 900);
		MediaView item = upload("s3-serve.jpg", image);
		String key = fileKey(item);

		MockHttpServletResponse original = this.mvc.perform(get(item.url())).andReturn().getResponse();
		assertThat(original.getStatus()).isEqualTo(200);
		assertThat(original.getContentType()).isEqualTo("image/jpeg");
		assertThat(original.getContentAsByteArray()).isEqualTo(image);
		assertThat(original.getHeader(HttpHeaders.ETAG)).isNotBlank();

		MockHttpServletResponse variant = this.mvc.perform(get(item.url() + "/640")).andReturn().getResponse();
		assertThat(variant.getStatus()).isEqualTo(200);
		assertThat(variant.getContentType()).isEqualTo(variantType(item));
		assertThat(variant.getContentAsByteArray()).isEqualTo(s3.object(BUCKET, name(key, "640")));

		// gone from the bucket behind the application's back: gone from the site
		s3.client().deleteObject((request) -> request.bucket(BUCKET).key(name(key, "640")));
		assertThat(this.mvc.perform(get(item.url() + "/640")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void deleteThroughTheAdminPageRemovesTheObjects() throws Exception {
		MediaView item = upload("s3-delete.jpg", TestImages.jpeg(1000, 500));
		String key = fileKey(item);
		assertThat(objectsOf(key)).containsExactly(name(key, "640"), name(key, "original"));

		this.mvc.perform(post("/admin/media/{id}/delete", item.id()).with(csrf()))
			.andExpect(redirectedUrl("/admin/media"));

		assertThat(objectsOf(key)).isEmpty();
		assertThat(this.mvc.perform(get(item.url())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void startWhenTheBucketIsMissingOrUnreachableThenRefusedWithTheReason() {
		assertThatIllegalStateException().isThrownBy(() -> new S3MediaStorage(settings(Map.of())))
			.withMessageContaining("shimbun.media.s3.bucket");
		assertThatIllegalStateException()
			.isThrownBy(() -> new S3MediaStorage(settings(Map.of("shimbun.media.s3.bucket", "no-such-bucket"))))
			.withMessageContaining("s3://no-such-bucket/");
		Map<String, String> wrongSecret = Map.of("shimbun.media.s3.bucket", BUCKET, "shimbun.media.s3.secret-key",
				"not-the-secret");
		assertThatIllegalStateException().isThrownBy(() -> new S3MediaStorage(settings(wrongSecret)))
			.withMessageContaining("cannot be reached");
		try (S3MediaStorage storage = new S3MediaStorage(settings(Map.of("shimbun.media.s3.bucket", BUCKET)))) {
			assertThat(storage.location()).isEqualTo("s3://" + BUCKET + "/");
		}
	}

	private static ShimbunProperties settings(Map<String, String> overrides) {
		Map<String, String> all = new HashMap<>();
		for (String setting : s3.mediaSettings("")) {
			String[] nameAndValue = setting.split("=", 2);
			all.put(nameAndValue[0], nameAndValue[1]);
		}
		all.remove("shimbun.media.s3.bucket");
		all.putAll(overrides);
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("shimbun", ShimbunProperties.class);
	}

	private MediaView upload(String name, byte[] jpeg) throws Exception {
		this.mvc
			.perform(multipart("/admin/media").file(new MockMultipartFile("file", name, "image/jpeg", jpeg))
				.param("altText", "バケットの確認用の画像")
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/media"));
		List<MediaView> found = this.library.library(name, 0).getContent();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private String fileKey(MediaView item) {
		return this.items.findById(item.id()).orElseThrow().getFileKey();
	}

	private String variantType(MediaView item) {
		return this.items.findById(item.id()).orElseThrow().getVariantType();
	}

	private static List<String> objectsOf(String key) {
		return s3.objects(BUCKET).stream().filter((name) -> name.contains("/" + key + "/")).toList();
	}

	private static String name(String key, String variant) {
		return PREFIX + key.substring(0, 2) + "/" + key + "/" + variant;
	}

}
