package dev.shimbun.article;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.ShimbunProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds the schema.org {@code NewsArticle} JSON-LD of an article page, escaped so that
 * it can stand inside a {@code <script type="application/ld+json">} element.
 */
@Component
class NewsArticleJsonLd {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ShimbunProperties.Site site;

	NewsArticleJsonLd(ShimbunProperties properties) {
		this.site = properties.site();
	}

	String of(ArticleView article) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("mainEntityOfPage", this.site.absolute(article.path()));
		data.put("headline", article.headline());
		data.put("description", article.description());
		String body = article.bodyText();
		if (!body.isEmpty()) {
			data.put("articleBody", body);
		}
		data.put("inLanguage", "ja");
		data.put("articleSection", article.categoryName());
		List<Map<String, Object>> images = article.figures().stream().map(this::image).toList();
		if (!images.isEmpty()) {
			data.put("image", images);
		}
		data.put("datePublished", article.publishedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		data.put("dateModified", article.updatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("@type", "Person");
		author.put("name", article.authorName());
		if (article.authorEmail() != null) {
			author.put("email", article.authorEmail());
		}
		data.put("author", author);
		Map<String, Object> logo = new LinkedHashMap<>();
		logo.put("@type", "ImageObject");
		logo.put("url", this.site.absolute(this.site.logoPath()));
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("@type", "Organization");
		publisher.put("name", this.site.name());
		publisher.put("url", this.site.absolute("/"));
		publisher.put("logo", logo);
		data.put("publisher", publisher);
		return escapeForScript(this.json.writeValueAsString(data));
	}

	private Map<String, Object> image(BlockView figure) {
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("@type", "ImageObject");
		image.put("url", this.site.absolute(figure.imageUrl()));
		if (figure.width() != null && figure.height() != null) {
			image.put("width", figure.width());
			image.put("height", figure.height());
		}
		if (figure.caption() != null) {
			image.put("caption", figure.caption());
		}
		if (figure.altText() != null) {
			image.put("description", figure.altText());
		}
		if (figure.credit() != null) {
			image.put("creditText", figure.credit());
		}
		return image;
	}

	/** JSON stays valid, and no {@code </script>} or markup can close the element. */
	static String escapeForScript(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
