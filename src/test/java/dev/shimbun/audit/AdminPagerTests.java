package dev.shimbun.audit;

import dev.shimbun.support.SiteTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Admin lists longer than a page link to the pages around, keeping their filters. */
@SiteTest
class AdminPagerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuditService audit;

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user("chief").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theAuditLogLinksItsPagesWithItsFilter() throws Exception {
		for (int i = 0; i < AuditService.PAGE_SIZE + 5; i++) {
			this.audit.recordAs("pager", AuditAction.COMMENT_MODERATED, "comment", i, "項目" + i);
		}
		Document first = page("/admin/audit?actor=pager");
		assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
		assertThat(first.select("nav.pagination a[rel=next]").eachAttr("href"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("/admin/audit?actor=pager&")
			.endsWith("&page=2");
		assertThat(first.selectFirst("nav.pagination").attr("aria-label")).isNotBlank();

		Document second = page("/admin/audit?actor=pager&page=2");
		assertThat(second.select("nav.pagination a[rel=prev]").eachAttr("href"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("/admin/audit?actor=pager&")
			.endsWith("&page=1");
		assertThat(second.select("nav.pagination a[rel=next]")).isEmpty();

		assertThat(page("/admin/audit?actor=nobody").select("nav.pagination")).isEmpty();
	}

}
