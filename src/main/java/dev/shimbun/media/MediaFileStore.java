package dev.shimbun.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes and deletes the files of a media item (the original and its resized variants) in
 * step with the transaction that adds or deletes its row: files written for a row that is
 * not committed are deleted again, and the files of a deleted row go only once the
 * deletion is committed. Both methods must be called inside a transaction.
 */
@Component
class MediaFileStore {

	private static final Logger logger = LoggerFactory.getLogger(MediaFileStore.class);

	private final MediaStorage storage;

	MediaFileStore(MediaStorage storage) {
		this.storage = storage;
	}

	/**
	 * Writes the original and the variants; when one fails, or when the transaction does
	 * not commit, the files written are deleted again.
	 * @throws MediaRejectedException {@code media.error.storage} when a file cannot be
	 * written
	 */
	void store(String key, byte[] original, List<ImageProcessor.Variant> variants) {
		List<String> written = new ArrayList<>();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					delete(key, written);
				}
			}
		});
		try {
			this.storage.put(key, MediaStorage.ORIGINAL, original);
			written.add(MediaStorage.ORIGINAL);
			for (ImageProcessor.Variant variant : variants) {
				this.storage.put(key, String.valueOf(variant.width()), variant.content());
				written.add(String.valueOf(variant.width()));
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Could not store media file {}", key, ex);
			throw MediaRejectedException.storage(ex);
		}
	}

	/**
	 * Deletes the item's original and variants once the transaction commits; a file that
	 * cannot be deleted is logged and left.
	 */
	void deleteAfterCommit(MediaItem item) {
		String key = item.getFileKey();
		List<String> names = new ArrayList<>();
		names.add(MediaStorage.ORIGINAL);
		item.variantWidths().forEach((width) -> names.add(String.valueOf(width)));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				delete(key, names);
			}
		});
	}

	private void delete(String key, List<String> variants) {
		for (String variant : variants) {
			try {
				this.storage.delete(key, variant);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Could not delete media file {}/{}", key, variant, ex);
			}
		}
	}

}
