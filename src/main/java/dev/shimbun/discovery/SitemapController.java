package dev.shimbun.discovery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.shimbun.article.NewsEntry;
import dev.shimbun.article.SitemapEntry;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sitemaps (sitemaps.org 0.9): every published article and category page and the front
 * page, split under a sitemap index beyond {@link DiscoveryService#SITEMAP_LIMIT} URLs;
 * and a Google News sitemap of the last 48 hours. Written as a stream, a batch of
 * articles at a time.
 */
@Controller
class SitemapController {

	static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final DiscoveryService discovery;

	private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

	SitemapController(DiscoveryService discovery) {
		this.discovery = discovery;
	}

	@GetMapping("/sitemap.xml")
	void sitemap(HttpServletResponse response) throws IOException, XMLStreamException {
		DiscoveryService.SitemapPlan plan = this.discovery.sitemapPlan();
		if (!plan.needsIndex()) {
			writeUrls(plan, 1, response);
			return;
		}
		write(response, (xml) -> {
			xml.writeStartElement("sitemapindex");
			xml.writeDefaultNamespace(SITEMAP_NS);
			for (int number = 1; number <= plan.sitemapCount(); number++) {
				xml.writeStartElement("sitemap");
				element(xml, "loc", this.discovery.absolute("/sitemaps/" + number + ".xml"));
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	@GetMapping("/sitemaps/{number}.xml")
	void sitemapPage(@PathVariable int number, HttpServletResponse response) throws IOException, XMLStreamException {
		DiscoveryService.SitemapPlan plan = this.discovery.sitemapPlan();
		if (number < 1 || number > plan.sitemapCount()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		writeUrls(plan, number, response);
	}

	@GetMapping("/sitemap-news.xml")
	void news(HttpServletResponse response) throws IOException, XMLStreamException {
		List<NewsEntry> entries = this.discovery.news();
		String name = this.discovery.site().name();
		write(response, (xml) -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			xml.writeNamespace("news", NEWS_NS);
			for (NewsEntry entry : entries) {
				xml.writeStartElement("url");
				element(xml, "loc", this.discovery.absolute(entry.path()));
				xml.writeStartElement(NEWS_NS, "news");
				xml.writeStartElement(NEWS_NS, "publication");
				newsElement(xml, "name", name);
				newsElement(xml, "language", "ja");
				xml.writeEndElement();
				newsElement(xml, "publication_date", w3c(entry.publishedAt()));
				newsElement(xml, "title", entry.headline());
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	private void writeUrls(DiscoveryService.SitemapPlan plan, int number, HttpServletResponse response)
			throws IOException, XMLStreamException {
		write(response, (xml) -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			writeUrls(xml, plan.pagesOn(number));
			long[] articles = plan.articlesOn(number);
			for (long offset = articles[0]; offset < articles[1]; offset += DiscoveryService.BATCH) {
				List<SitemapEntry> batch = this.discovery.articles(offset,
						(int) Math.min(DiscoveryService.BATCH, articles[1] - offset));
				writeUrls(xml, batch);
				if (batch.isEmpty()) {
					break;
				}
			}
			xml.writeEndElement();
		});
	}

	private void writeUrls(XMLStreamWriter xml, List<SitemapEntry> entries) throws XMLStreamException {
		for (SitemapEntry entry : entries) {
			xml.writeStartElement("url");
			element(xml, "loc", this.discovery.absolute(entry.path()));
			if (entry.lastModified() != null) {
				element(xml, "lastmod", w3c(entry.lastModified()));
			}
			xml.writeEndElement();
		}
	}

	private void write(HttpServletResponse response, XmlBody body) throws IOException, XMLStreamException {
		response.setContentType(XML.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic().getHeaderValue());
		OutputStream out = response.getOutputStream();
		XMLStreamWriter xml = this.factory.createXMLStreamWriter(out, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		body.write(xml);
		xml.writeEndDocument();
		xml.close();
		out.flush();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void newsElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(NEWS_NS, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/** A W3C datetime with the offset, to the second. */
	static String w3c(ZonedDateTime time) {
		return time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
