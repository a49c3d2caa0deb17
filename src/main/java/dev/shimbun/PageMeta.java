package dev.shimbun;

/**
 * What the layout puts in a page's {@code <head>}: title, description, canonical path,
 * OpenGraph type and image.
 *
 * @param title the page title without the site name
 * @param description meta description
 * @param path canonical path (made absolute with the configured base URL)
 * @param type OpenGraph type: {@code website} or {@code article}
 * @param imagePath path of the image for link previews, or {@code null}
 * @param noindex whether search engines should leave the page out
 */
public record PageMeta(String title, String description, String path, String type, String imagePath, boolean noindex) {

	public static PageMeta website(String title, String description, String path) {
		return new PageMeta(title, description, path, "website", null, false);
	}

}
