package dev.shimbun.article;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where figures get their images from the media library: alt text defaults and the
 * choices in the editor. (Until the media library is linked, figures use site files.)
 */
@Component
class FigureImages {

	/** The media item's own alt text, used when a figure does not override it. */
	String altText(Long mediaId) {
		return null;
	}

	/** Media items to choose from in the editor. */
	List<MediaOption> options() {
		return List.of();
	}

	/** A media item in the editor's picker. */
	record MediaOption(Long id, String label) {
	}

}
