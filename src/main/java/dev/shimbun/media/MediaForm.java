package dev.shimbun.media;

import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/**
 * The upload form (file and description) and the edit form (description only). The file
 * is checked by {@link MediaService#upload}, not here.
 */
public class MediaForm {

	private MultipartFile file;

	@Size(max = 300)
	private String altText;

	@Size(max = 1000)
	private String caption;

	@Size(max = 200)
	private String credit;

	private long version;

	static MediaForm from(MediaView media) {
		MediaForm form = new MediaForm();
		form.altText = media.altText();
		form.caption = media.caption();
		form.credit = media.credit();
		form.version = media.version();
		return form;
	}

	public MultipartFile getFile() {
		return this.file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}

	public String getAltText() {
		return this.altText;
	}

	public void setAltText(String altText) {
		this.altText = altText;
	}

	public String getCaption() {
		return this.caption;
	}

	public void setCaption(String caption) {
		this.caption = caption;
	}

	public String getCredit() {
		return this.credit;
	}

	public void setCredit(String credit) {
		this.credit = credit;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
