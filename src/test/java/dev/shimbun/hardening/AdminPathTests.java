package dev.shimbun.hardening;

import java.net.http.HttpResponse;
import java.util.List;

import dev.shimbun.hardening.RawHttp.Response;
import dev.shimbun.support.ServerTest;
import dev.shimbun.support.StaffSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages however their path is written: a path that reaches an admin handler
 * goes through the admin chain (sign-in, roles, CSRF); any other spelling is refused or
 * not found, never served by the public chain.
 */
@ServerTest
class AdminPathTests {

	/** Spellings that the dispatcher maps to admin handlers. */
	static final List<String> ENCODED = List.of("/%61dmin/users", "/%61%64%6D%69%6E/users", "/%61%64%6d%69%6e/audit",
			"/admin/%75sers", "/%61dmin", "/%61dmin/", "/%61dmin/categories", "/admin/%63ategories");

	/** Spellings that must never reach an admin handler. */
	static final List<String> OTHER = List.of("/%2561dmin/users", "/admin;x/users", "/admin;jsessionid=1/users",
			"//admin/users", "/admin//users", "/./admin/users", "/x/../admin/users", "/admin/./users", "/ADMIN/users",
			"/Admin/users", "/admin%2Fusers", "/%2Fadmin/users", "/admin%5cusers", "/admin%00/users", "/admin /users",
			"/admin%20/users", "/admin%09/users", "/admin./users", "/admin%2e/users", "/admin/users%2F",
			"/admin/users;", "/admin\\users");

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void encodedAdminPathsNeedASignIn() {
		RawHttp http = new RawHttp(this.port);
		for (String path : ENCODED) {
			Response response = http.get(path);
			assertThat(response.status()).as(path).isEqualTo(302);
			assertThat(response.header("Location")).as(path).endsWith("/admin/login");
		}
	}

	@Test
	void otherSpellingsNeverReachAnAdminPage() {
		RawHttp http = new RawHttp(this.port);
		StaffSession admin = StaffSession.signIn(this.port, "chief", "correct-horse-battery");
		for (String path : OTHER) {
			Response response = http.request("GET", path.replace(" ", "%20")).send();
			assertThat(response.status()).as(path).isIn(302, 400, 404);
			if (response.status() == 302) {
				assertThat(response.header("Location")).as(path).endsWith("/admin/login");
			}
			else {
				RefusalPages.assertJapanesePageWithSecurityHeaders(response, path);
			}
			assertThat(response.body()).as(path).doesNotContain("chief", "スタッフ");
		}
		// and a signed-in admin does not get them either
		for (String path : OTHER) {
			if (path.contains(" ") || path.contains("\\")) {
				continue;
			}
			HttpResponse<String> response = admin.get(path);
			assertThat(response.statusCode()).as(path).isIn(400, 404);
		}
	}

	@Test
	void theAdminChainKeepsItsCsrfCheckOnEncodedPaths() {
		StaffSession admin = StaffSession.signIn(this.port, "chief", "correct-horse-battery");
		assertThat(admin.get("/%61dmin/users").statusCode()).isEqualTo(200);
		int before = categories();
		for (String path : List.of("/admin/categories", "/%61dmin/categories", "/admin/%63ategories",
				"/%61%64%6D%69%6E/%63%61tegories")) {
			HttpResponse<String> refused = admin.post(path, "name=" + StaffSession.encode("偽の分類") + "&slug=forged");
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			refused = admin.post(path, "name=x&slug=forged&_csrf=not-the-token");
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
		}
		assertThat(categories()).isEqualTo(before);
		HttpResponse<String> accepted = admin.post("/%61dmin/categories",
				"name=" + StaffSession.encode("本物") + "&slug=real&_csrf=" + StaffSession.encode(admin.csrf()));
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(categories()).isEqualTo(before + 1);
	}

	private int categories() {
		return this.jdbc.queryForObject("select count(*) from category", Integer.class);
	}

}
