package dev.shimbun.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An image in an article body. The credit is data of its own (for the visible credit line
 * and the structured data), not part of the caption.
 */
@Embeddable
public class Figure {

	@Column(name = "media_id")
	private Long mediaId;

	@Column(name = "image_url")
	private String imageUrl;

	@Column(name = "image_width")
	private Integer width;

	@Column(name = "image_height")
	private Integer height;

	private String caption;

	@Column(name = "alt_text")
	private String altText;

	private String credit;

	protected Figure() {
	}

	public Figure(String imageUrl, Integer width, Integer height, String caption, String altText, String credit) {
		this(null, imageUrl, width, height, caption, altText, credit);
	}

	/**
	 * A figure: an item of the media library ({@code mediaId}) or a file of the site
	 * ({@code imageUrl}); caption, alt text and credit override the media item's.
	 */
	public Figure(Long mediaId, String imageUrl, Integer width, Integer height, String caption, String altText,
			String credit) {
		this.mediaId = mediaId;
		this.imageUrl = imageUrl;
		this.width = width;
		this.height = height;
		this.caption = caption;
		this.altText = altText;
		this.credit = credit;
	}

	public Long getMediaId() {
		return this.mediaId;
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public Integer getWidth() {
		return this.width;
	}

	public Integer getHeight() {
		return this.height;
	}

	public String getCaption() {
		return this.caption;
	}

	public String getAltText() {
		return this.altText;
	}

	public String getCredit() {
		return this.credit;
	}

}
