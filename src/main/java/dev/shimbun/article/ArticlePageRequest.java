package dev.shimbun.article;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * What a request for the article page asks of its sections: its query parameters (a
 * section reads its own, such as the comments' order and page) and whether the page is an
 * editor's preview.
 *
 * @param parameters the query parameters; a repeated one as its values joined by commas,
 * as Spring binds it to a {@code String}
 * @param preview whether an editor previews the article
 */
public record ArticlePageRequest(Map<String, String> parameters, boolean preview) {

	/** The page as shown again after a refused form: no parameters. */
	public static final ArticlePageRequest PLAIN = new ArticlePageRequest(Map.of(), false);

	/** An editor's preview. */
	public static final ArticlePageRequest PREVIEW = new ArticlePageRequest(Map.of(), true);

	/** A reader's request with these query parameters. */
	public static ArticlePageRequest reading(MultiValueMap<String, String> parameters) {
		Map<String, String> joined = new LinkedHashMap<>();
		parameters.forEach((name, values) -> joined.put(name, String.join(",", values)));
		return new ArticlePageRequest(joined, false);
	}

	public ArticlePageRequest {
		parameters = Map.copyOf(parameters);
	}

	/** The value of a query parameter, or {@code null}. */
	public String parameter(String name) {
		return this.parameters.get(name);
	}

}
