package dev.shimbun.article;

import jakarta.validation.constraints.Size;

/** One body block in the article form. */
public class BlockForm {

	private BlockKind kind = BlockKind.PARAGRAPH;

	@Size(max = 20000)
	private String text;

	private Long mediaId;

	private String imageUrl;

	private Integer width;

	private Integer height;

	@Size(max = 500)
	private String caption;

	@Size(max = 500)
	private String altText;

	@Size(max = 300)
	private String credit;

	static BlockForm of(BlockContent content) {
		BlockForm form = new BlockForm();
		form.kind = content.kind();
		form.text = content.text();
		form.mediaId = content.mediaId();
		form.imageUrl = content.imageUrl();
		form.width = content.width();
		form.height = content.height();
		form.caption = content.caption();
		form.altText = content.altText();
		form.credit = content.credit();
		return form;
	}

	static BlockForm paragraph() {
		return new BlockForm();
	}

	static BlockForm figure() {
		BlockForm form = new BlockForm();
		form.kind = BlockKind.FIGURE;
		return form;
	}

	BlockContent toContent() {
		if (this.kind == BlockKind.FIGURE) {
			return new BlockContent(BlockKind.FIGURE, null, this.mediaId, blankToNull(this.imageUrl), this.width,
					this.height, blankToNull(this.caption), blankToNull(this.altText), blankToNull(this.credit));
		}
		return BlockContent.paragraph(this.text);
	}

	boolean isFigure() {
		return this.kind == BlockKind.FIGURE;
	}

	boolean hasImage() {
		return this.mediaId != null || (this.imageUrl != null && !this.imageUrl.isBlank());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	public BlockKind getKind() {
		return this.kind;
	}

	public void setKind(BlockKind kind) {
		this.kind = kind;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public Long getMediaId() {
		return this.mediaId;
	}

	public void setMediaId(Long mediaId) {
		this.mediaId = mediaId;
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public void setImageUrl(String imageUrl) {
		this.imageUrl = imageUrl;
	}

	public Integer getWidth() {
		return this.width;
	}

	public void setWidth(Integer width) {
		this.width = width;
	}

	public Integer getHeight() {
		return this.height;
	}

	public void setHeight(Integer height) {
		this.height = height;
	}

	public String getCaption() {
		return this.caption;
	}

	public void setCaption(String caption) {
		this.caption = caption;
	}

	public String getAltText() {
		return this.altText;
	}

	public void setAltText(String altText) {
		this.altText = altText;
	}

	public String getCredit() {
		return this.credit;
	}

	public void setCredit(String credit) {
		this.credit = credit;
	}

}
