package dev.shimbun.article;

import java.util.stream.Collectors;

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

	@Size(max = 1000)
	private String source;

	@Size(max = 2000)
	private String url;

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
		form.source = content.source();
		form.url = content.url();
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

	/**
	 * The block as stored: text tidied for its kind (a list or quote without blank
	 * lines), blank fields as none.
	 */
	BlockContent toContent() {
		BlockKind kind = (this.kind != null) ? this.kind : BlockKind.PARAGRAPH;
		if (kind == BlockKind.FIGURE) {
			return BlockContent.figure(this.mediaId, blankToNull(this.imageUrl), this.width, this.height,
					blankToNull(this.caption), blankToNull(this.altText), blankToNull(this.credit));
		}
		// the words as typed (a paragraph may start with an ideographic space)
		String text = kind.hasLines() ? lines(this.text) : this.text;
		if (kind == BlockKind.SEPARATOR || kind == BlockKind.RELATED) {
			text = null;
		}
		String source = (kind == BlockKind.QUOTE) ? blankToNull(strip(this.source)) : null;
		String url = (kind == BlockKind.EMBED || kind == BlockKind.RELATED) ? blankToNull(strip(this.url)) : null;
		return new BlockContent(kind, blankToNull(text), null, null, null, null, null, null, null, source, url, null);
	}

	/** Whether the block has anything to show (empty ones are dropped on save). */
	boolean isEmpty() {
		BlockKind kind = (this.kind != null) ? this.kind : BlockKind.PARAGRAPH;
		if (kind == BlockKind.FIGURE) {
			return !hasImage();
		}
		if (kind == BlockKind.SEPARATOR) {
			return false;
		}
		if (kind == BlockKind.EMBED || kind == BlockKind.RELATED) {
			return this.url == null || this.url.isBlank();
		}
		return this.text == null || this.text.isBlank();
	}

	private static String lines(String text) {
		if (text == null) {
			return null;
		}
		return text.lines().filter((line) -> !line.isBlank()).collect(Collectors.joining("\n"));
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	/** The text as HTML, for the script editor to start from. */
	public String html() {
		return InlineMarkup.html(this.text);
	}

	/** Each line of the text as HTML (list items, quote paragraphs). */
	public java.util.List<String> lineHtml() {
		return (this.text != null)
				? this.text.lines().filter((line) -> !line.isBlank()).map(InlineMarkup::html).toList()
				: java.util.List.of();
	}

	/** A quote's source as HTML. */
	public String sourceHtml() {
		return InlineMarkup.html(this.source);
	}

	/** The text without markup (an embed's title). */
	public String plainText() {
		return InlineMarkup.plainText(this.text);
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

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getCredit() {
		return this.credit;
	}

	public void setCredit(String credit) {
		this.credit = credit;
	}

}
