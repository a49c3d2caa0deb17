package dev.shimbun.media;

import dev.shimbun.support.Articles;
import dev.shimbun.support.S3Server;
import dev.shimbun.support.SiteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Media in a bucket with a public URL ({@code shimbun.media.s3.public-base-url}, a CDN in
 * front of the bucket): readers are redirected there for the files they may see, under
 * the object's name; files that only editors may see are still served by the application.
 */
@SiteTest
class S3MediaPublicUrlTests {

	private static final S3Server s3 = S3Server.shared();

	private static final String BUCKET = s3.createBucket("shimbun-cdn");

	private static final String CDN = "https://cdn.example.jp/shimbun";

	@DynamicPropertySource
	static void mediaInTheBucket(DynamicPropertyRegistry registry) {
		for (String setting : s3.mediaSettings(BUCKET)) {
			String[] nameAndValue = setting.split("=", 2);
			registry.add(nameAndValue[0], () -> nameAndValue[1]);
		}
		registry.add("shimbun.media.s3.public-base-url", () -> CDN + "/");
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MediaService media;

	@Autowired
	private MediaItemRepository items;

	@Test
	void readersAreRedirectedToThePublicUrlOfAFileTheyMaySee() throws Exception {
		MediaView item = upload();
		String key = this.items.findById(item.id()).orElseThrow().getFileKey();
		Articles.published().headline("CDNの画像").figure(item.id(), "会見場").save(this.context);

		for (String variant : new String[] { "original", "640", "1280" }) {
			String url = variant.equals("original") ? item.url() : item.url() + "/" + variant;
			String object = key.substring(0, 2) + "/" + key + "/" + variant;
			MockHttpServletResponse response = this.mvc.perform(get(url).with(anonymous())).andReturn().getResponse();
			assertThat(response.getStatus()).as(url).isEqualTo(302);
			assertThat(response.getHeader(HttpHeaders.LOCATION)).as(url).isEqualTo(CDN + "/" + object);
			assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).as(url).isEqualTo("max-age=86400, public");
			assertThat(s3.objects(BUCKET)).as(url).contains(object);
		}
	}

	@Test
	void aFileOnlyEditorsMaySeeIsServedByTheApplication() throws Exception {
		byte[] image = TestImages.jpeg(1600, 900);
		MediaView item = upload(image);

		MockHttpServletResponse editor = this.mvc.perform(get(item.url()).with(user("hanako").roles("EDITOR")))
			.andReturn()
			.getResponse();
		assertThat(editor.getStatus()).isEqualTo(200);
		assertThat(editor.getHeader(HttpHeaders.LOCATION)).isNull();
		assertThat(editor.getContentAsByteArray()).isEqualTo(image);
		assertThat(this.mvc.perform(get(item.url()).with(anonymous())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	private MediaView upload() {
		return upload(TestImages.jpeg(1600, 900));
	}

	private MediaView upload(byte[] jpeg) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("hanako", null, "ROLE_EDITOR"));
		try {
			return this.media.upload(new MockMultipartFile("file", "cdn.jpg", "image/jpeg", jpeg), new MediaForm());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
