package dev.shimbun.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import dev.shimbun.media.MediaForm;
import dev.shimbun.media.MediaService;
import dev.shimbun.media.MediaView;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Builds an image of one colour and uploads it to the media library as an editor does,
 * through {@link MediaService#upload} (checked, stored, its variants made).
 *
 * <pre class="code">
 * MediaView item = Media.png(800, 600).altText("滑走路").save(context);
 * </pre>
 */
public final class Media {

	private final int width;

	private final int height;

	private String altText;

	private String credit;

	private Media(int width, int height) {
		this.width = width;
		this.height = height;
	}

	/** A PNG image of this size. */
	public static Media png(int width, int height) {
		return new Media(width, height);
	}

	public Media altText(String altText) {
		this.altText = altText;
		return this;
	}

	public Media credit(String credit) {
		this.credit = credit;
		return this;
	}

	/** The image's bytes, as uploaded. */
	public byte[] bytes() {
		BufferedImage image = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(40, 90, 160));
		graphics.fillRect(0, 0, this.width, this.height);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/** Uploads the image with the services of the given context. */
	public MediaView save(ApplicationContext context) {
		MediaForm form = new MediaForm();
		form.setAltText(this.altText);
		form.setCredit(this.credit);
		return context.getBean(MediaService.class)
			.upload(new MockMultipartFile("file", "image.png", "image/png", bytes()), form);
	}

}
