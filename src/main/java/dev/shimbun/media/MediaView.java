package dev.shimbun.media;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A media item as pages show it. {@link #src()} and {@link #srcset()} are what an
 * {@code <img>} needs ({@code th:src="${m.src}" th:srcset="${m.srcset}"} with a
 * {@code sizes} attribute that fits the layout); {@link #url()} is the original file.
 *
 * @param id the media item's id
 * @param url the original file, such as {@code /media/5}
 * @param src the 1280 pixels wide variant, or the original when the image is not wider
 * @param srcset every variant and, when it is not much larger, the original, with their
 * widths: {@code /media/5/640 640w, /media/5/1280 1280w}
 * @param thumbnail the 640 pixels wide variant, or the original when the image is not
 * wider
 * @param width width of the image as shown, in pixels
 * @param height height of the image as shown, in pixels
 * @param altText alt text, or {@code null}
 * @param caption caption, or {@code null}
 * @param credit credit (photographer, agency), or {@code null}
 * @param contentType MIME type of the original
 * @param originalName file name it was uploaded with
 * @param byteSize size of the original in bytes
 * @param createdAt when it was uploaded, in the site's time zone
 * @param createdBy who uploaded it (user name)
 * @param version for optimistic locking of edits
 */
public record MediaView(Long id, String url, String src, String srcset, String thumbnail, int width, int height,
		String altText, String caption, String credit, String contentType, String originalName, long byteSize,
		ZonedDateTime createdAt, String createdBy, long version) {

	/** The height at which the image keeps its proportions when shown this wide. */
	public int heightFor(int shownWidth) {
		return (int) Math.max(1, Math.round((double) this.height * shownWidth / this.width));
	}

	/**
	 * This item with a figure's own texts in place of the stored ones; a {@code null} or
	 * blank override keeps the stored text.
	 */
	public MediaView withOverrides(String altText, String caption, String credit) {
		return new MediaView(this.id, this.url, this.src, this.srcset, this.thumbnail, this.width, this.height,
				pick(altText, this.altText), pick(caption, this.caption), pick(credit, this.credit), this.contentType,
				this.originalName, this.byteSize, this.createdAt, this.createdBy, this.version);
	}

	/** The file size for people: {@code 245 KB}, {@code 1.2 MB}. */
	public String byteSizeText() {
		if (this.byteSize < 1024) {
			return this.byteSize + " B";
		}
		if (this.byteSize < 1024 * 1024) {
			return Math.round(this.byteSize / 1024.0) + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", this.byteSize / (1024.0 * 1024.0));
	}

	private static String pick(String override, String stored) {
		return (override == null || override.isBlank()) ? stored : override.strip();
	}

}
