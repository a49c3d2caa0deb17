package dev.shimbun.discovery;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sitemaps, validated against the sitemaps.org and Google News schemas (copies in
 * {@code src/test/resources/schemas}).
 */
class SitemapTests extends DiscoveryTestSupport {

	private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	@Autowired
	private DiscoveryService discovery;

	@Test
	void sitemapListsFrontCategoriesAndPublishedArticles() throws Exception {
		String xml = fetch("/sitemap.xml");
		validate(xml, "sitemap.xsd");
		Document document = parse(xml);
		assertThat(document.getDocumentElement().getLocalName()).isEqualTo("urlset");
		List<String> locs = texts(document, SITEMAP_NS, "loc");
		assertThat(locs).hasSize(1 + 6 + DiscoveryFixture.VISIBLE)
			.doesNotHaveDuplicates()
			.contains(DiscoveryFixture.BASE_URL + "/", DiscoveryFixture.BASE_URL + "/categories/news",
					DiscoveryFixture.BASE_URL + "/categories/cars", FeedTests.article(DiscoveryFixture.EDD))
			.doesNotContainAnyElementsOf(DiscoveryFixture.HIDDEN.stream().map(FeedTests::article).toList());
		assertThat(lastmod(document, FeedTests.article(DiscoveryFixture.EDD))).isEqualTo("2025-06-10T09:00:00+09:00");
		assertThat(lastmod(document, DiscoveryFixture.BASE_URL + "/categories/news"))
			.isEqualTo("2025-06-10T09:00:00+09:00");
	}

	@Test
	void manyUrlsAreSplitUnderASitemapIndex() throws Exception {
		List<String> all = texts(parse(fetch("/sitemap.xml")), SITEMAP_NS, "loc");
		this.discovery.setSitemapPageSize(10);
		try {
			String index = fetch("/sitemap.xml");
			validate(index, "siteindex.xsd");
			Document document = parse(index);
			assertThat(document.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
			List<String> sitemaps = texts(document, SITEMAP_NS, "loc");
			assertThat(sitemaps).containsExactly(DiscoveryFixture.BASE_URL + "/sitemaps/1.xml",
					DiscoveryFixture.BASE_URL + "/sitemaps/2.xml", DiscoveryFixture.BASE_URL + "/sitemaps/3.xml");
			List<String> split = new ArrayList<>();
			for (String sitemap : sitemaps) {
				String xml = fetch(sitemap.substring(DiscoveryFixture.BASE_URL.length()));
				validate(xml, "sitemap.xsd");
				List<String> locs = texts(parse(xml), SITEMAP_NS, "loc");
				assertThat(locs).hasSizeLessThanOrEqualTo(10);
				split.addAll(locs);
			}
			assertThat(split).containsExactlyElementsOf(all);
			this.mvc.perform(get("/sitemaps/4.xml")).andExpect(status().isNotFound());
			this.mvc.perform(get("/sitemaps/0.xml")).andExpect(status().isNotFound());
		}
		finally {
			this.discovery.setSitemapPageSize(DiscoveryService.SITEMAP_LIMIT);
		}
	}

	@Test
	void newsSitemapHoldsTheLast48Hours() throws Exception {
		String xml = fetch("/sitemap-news.xml");
		validate(xml, "sitemap-news.xsd", "sitemap.xsd");
		Document document = parse(xml);
		List<String> locs = texts(document, SITEMAP_NS, "loc");
		List<String> expected = this.jdbc
			.queryForList("""
					select slug from article
					where status in ('SCHEDULED', 'PUBLISHED') and published_at <= ? and published_at >= ?
					and (unpublish_at is null or unpublish_at > ?)
					""", String.class, ts(DiscoveryFixture.NOW), ts(DiscoveryFixture.NOW.minus(Duration.ofHours(48))),
					ts(DiscoveryFixture.NOW))
			.stream()
			.map(FeedTests::article)
			.toList();
		assertThat(locs).containsExactlyInAnyOrderElementsOf(expected)
			.contains(FeedTests.article(DiscoveryFixture.EDD), FeedTests.article("infected-lab-monkeys-escape"))
			.doesNotContain(FeedTests.article("boys-help-stray-dog"))
			.doesNotContainAnyElementsOf(DiscoveryFixture.HIDDEN.stream().map(FeedTests::article).toList());
		assertThat(texts(document, NEWS_NS, "name")).containsOnly("Shimbun");
		assertThat(texts(document, NEWS_NS, "language")).containsOnly("ja");
		int edd = locs.indexOf(FeedTests.article(DiscoveryFixture.EDD));
		assertThat(texts(document, NEWS_NS, "publication_date").get(edd)).isEqualTo("2025-06-10T09:00:00+09:00");
		assertThat(texts(document, NEWS_NS, "title").get(edd)).startsWith("中国・ロシア・北朝鮮への「明確な信号」");

		this.clock.set(Instant.parse("2025-06-12T00:00:00Z"));
		assertThat(texts(parse(fetch("/sitemap-news.xml")), SITEMAP_NS, "loc"))
			.containsExactly(FeedTests.article(DiscoveryFixture.EDD));
	}

	private String fetch(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).isEqualTo("application/xml;charset=UTF-8");
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static void validate(String xml, String... schemas) throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		Source[] sources = new Source[schemas.length];
		for (int index = 0; index < schemas.length; index++) {
			sources[index] = new StreamSource(
					SitemapTests.class.getResource("/schemas/" + schemas[index]).toExternalForm());
		}
		Schema schema = factory.newSchema(sources);
		schema.newValidator().validate(new StreamSource(new StringReader(xml)));
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	private static List<String> texts(Document document, String namespace, String name) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, name);
		List<String> texts = new ArrayList<>();
		for (int index = 0; index < nodes.getLength(); index++) {
			texts.add(((Element) nodes.item(index)).getTextContent());
		}
		return texts;
	}

	private static String lastmod(Document document, String loc) {
		NodeList urls = document.getElementsByTagNameNS(SITEMAP_NS, "url");
		for (int index = 0; index < urls.getLength(); index++) {
			Element url = (Element) urls.item(index);
			if (url.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent().equals(loc)) {
				return url.getElementsByTagNameNS(SITEMAP_NS, "lastmod").item(0).getTextContent();
			}
		}
		throw new AssertionError("No URL " + loc);
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

}
