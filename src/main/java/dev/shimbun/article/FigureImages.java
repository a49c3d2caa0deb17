package dev.shimbun.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shimbun.media.MediaLibrary;
import dev.shimbun.media.MediaView;

import org.springframework.stereotype.Component;

/**
 * Figures and the media library: the images of figures that show a media item, alt text
 * defaults, and the choices in the editor.
 */
@Component
class FigureImages {

	/** How many of the newest media items the editor offers. */
	static final int PICKER_SIZE = 4 * MediaLibrary.PAGE_SIZE;

	private final MediaLibrary media;

	FigureImages(MediaLibrary media) {
		this.media = media;
	}

	/** The media item's own alt text, used when a figure does not override it. */
	String altText(Long mediaId) {
		return this.media.find(mediaId).map(MediaView::altText).orElse(null);
	}

	boolean exists(Long mediaId) {
		return this.media.find(mediaId).isPresent();
	}

	/** The media items of these figures, in one query. */
	Map<Long, MediaView> items(Collection<Long> mediaIds) {
		return mediaIds.isEmpty() ? Map.of() : this.media.getAll(mediaIds);
	}

	/** The newest media items to choose from in the editor, and those already chosen. */
	List<MediaOption> options(Collection<Long> chosen) {
		Map<Long, MediaOption> options = new LinkedHashMap<>();
		for (int page = 0; page * MediaLibrary.PAGE_SIZE < PICKER_SIZE; page++) {
			List<MediaView> items = this.media.library(null, page).getContent();
			items.forEach((item) -> options.put(item.id(), option(item)));
			if (items.size() < MediaLibrary.PAGE_SIZE) {
				break;
			}
		}
		items(chosen).values().forEach((item) -> options.putIfAbsent(item.id(), option(item)));
		return new ArrayList<>(options.values());
	}

	private static MediaOption option(MediaView item) {
		String alt = (item.altText() != null) ? "(" + item.altText() + ")" : "";
		return new MediaOption(item.id(), "#" + item.id() + " " + item.originalName() + " " + alt, item.thumbnail());
	}

	/** A media item in the editor's picker. */
	record MediaOption(Long id, String label, String thumbnail) {
	}

}
