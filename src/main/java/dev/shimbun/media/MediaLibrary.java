package dev.shimbun.media;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.Like;
import dev.shimbun.PageNumber;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding media items: one item, several at once, a page of the library. Other features
 * show media items through {@link #get(Long)} and {@link #getAll(Collection)} and let
 * editors pick them through {@link #library(String, int)}; changes go through
 * {@link MediaService}.
 */
@Service
@Transactional(readOnly = true)
public class MediaLibrary {

	/** Items per page of the library. */
	public static final int PAGE_SIZE = 24;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final MediaItemRepository items;

	private final MediaViews views;

	MediaLibrary(MediaItemRepository items, MediaViews views) {
		this.items = items;
		this.views = views;
	}

	/**
	 * A media item.
	 * @throws MediaNotFoundException when there is none with that id
	 */
	public MediaView get(Long id) {
		return this.items.findById(id).map(this.views::view).orElseThrow(() -> new MediaNotFoundException(id));
	}

	/** A media item, or empty when there is none with that id. */
	public Optional<MediaView> find(Long id) {
		return (id != null) ? this.items.findById(id).map(this.views::view) : Optional.empty();
	}

	/** The media items with these ids (in one query), by id; unknown ids are left out. */
	public Map<Long, MediaView> getAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.items.findByIdIn(ids)
			.stream()
			.map(this.views::view)
			.collect(Collectors.toMap(MediaView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * A page of the library, newest first, {@link #PAGE_SIZE} items a page.
	 * @param query words to find in the file name, alt text, caption or credit (case
	 * ignored); {@code null} or blank for all items
	 * @param page the page index, from 0; past the last page, the last page
	 */
	public Page<MediaView> library(String query, int page) {
		String pattern = Like.contains(query);
		return PageNumber.fetch(Math.max(page, 0) + 1, PAGE_SIZE, (index) -> {
			PageRequest request = PageRequest.of(index, PAGE_SIZE, NEWEST_FIRST);
			return (pattern == null) ? this.items.findAllBy(request) : this.items.search(pattern, request);
		}).map(this.views::view);
	}

}
