package dev.shimbun.media;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.shimbun.ShimbunProperties;

import org.springframework.stereotype.Component;

/**
 * Media items as pages show them: the URLs of the original and of its resized variants
 * ({@code src}, {@code srcset}, thumbnail), the description, and the upload time in the
 * site's time zone.
 */
@Component
class MediaViews {

	private static final int SMALLEST = ImageProcessor.VARIANT_WIDTHS.get(0);

	private static final int LARGEST = ImageProcessor.VARIANT_WIDTHS.get(ImageProcessor.VARIANT_WIDTHS.size() - 1);

	private final ZoneId zone;

	MediaViews(ShimbunProperties properties) {
		this.zone = properties.site().zone();
	}

	/**
	 * The item as pages show it. The {@code srcset} lists every variant, and the original
	 * too when it is no wider than the largest variant or has no variants; {@code src}
	 * and the thumbnail are the largest and the smallest variant, or the original when
	 * the image is not wider.
	 */
	MediaView view(MediaItem item) {
		String url = "/media/" + item.getId();
		List<Integer> variants = item.variantWidths();
		List<String> candidates = new ArrayList<>();
		variants.forEach((width) -> candidates.add(url + "/" + width + " " + width + "w"));
		if (variants.isEmpty() || item.getWidth() <= LARGEST) {
			candidates.add(url + " " + item.getWidth() + "w");
		}
		return new MediaView(item.getId(), url, variants.contains(LARGEST) ? url + "/" + LARGEST : url,
				String.join(", ", candidates), variants.contains(SMALLEST) ? url + "/" + SMALLEST : url,
				item.getWidth(), item.getHeight(), item.getAltText(), item.getCaption(), item.getCredit(),
				item.getContentType(), item.getOriginalName(), item.getByteSize(),
				item.getCreatedAt().atZone(this.zone), item.getCreatedBy(), item.getVersion());
	}

}
