package dev.shimbun.media;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Changes to the media library: uploads checked by their content and stored with resized
 * variants, descriptions changed, items deleted. Each change is one transaction with its
 * line in the audit log. Items are found through {@link MediaLibrary}.
 */
@Service
@Transactional(readOnly = true)
public class MediaService {

	private static final Logger logger = LoggerFactory.getLogger(MediaService.class);

	private final MediaItemRepository items;

	private final MediaFileStore files;

	private final MediaViews views;

	private final ImageProcessor images;

	private final AuditService audit;

	private final ClusterEvents cluster;

	private final Clock clock;

	private final DataSize maxUploadSize;

	MediaService(MediaItemRepository items, MediaFileStore files, MediaViews views, ImageProcessor images,
			AuditService audit, ClusterEvents cluster, Clock clock, ShimbunProperties properties) {
		this.items = items;
		this.files = files;
		this.views = views;
		this.images = images;
		this.audit = audit;
		this.cluster = cluster;
		this.clock = clock;
		this.maxUploadSize = properties.media().maxUploadSize();
	}

	/** The largest file accepted, for people: {@code 10MB}. */
	public String maxUploadSizeText() {
		return sizeText(this.maxUploadSize);
	}

	/**
	 * Checks, stores and describes an uploaded image: the original and its variants.
	 * Either all of it is stored (files, row and audit line) or nothing is.
	 * @throws MediaRejectedException when the file is empty, too large, not a JPEG, PNG,
	 * WebP or GIF image by its content, broken, too costly to decode, when too many
	 * images are being decoded, or when it cannot be stored
	 */
	@Transactional
	public MediaView upload(MultipartFile file, MediaForm form) {
		if (file == null || file.isEmpty()) {
			throw new MediaRejectedException("media.error.empty");
		}
		if (file.getSize() > this.maxUploadSize.toBytes()) {
			throw MediaRejectedException.tooLarge(maxUploadSizeText());
		}
		byte[] content;
		try {
			content = file.getBytes();
		}
		catch (IOException ex) {
			throw MediaRejectedException.storage(ex);
		}
		ImageProcessor.Processed image;
		try {
			image = this.images.process(content);
		}
		catch (MediaRejectedException ex) {
			// one line, no stack trace: anyone with an editor's account can cause it
			logger.warn("Upload of {} ({} bytes) by {} refused: {}", originalName(file).replaceAll("\\p{Cntrl}", "?"),
					content.length, SignedIn.username(), ex.messageKey());
			throw ex;
		}
		String key = UUID.randomUUID().toString().replace("-", "");
		MediaItem item = new MediaItem(key, originalName(file), image.type(), image.width(), image.height(),
				content.length, sha256(content), image.variantWidths(), image.variantType(), this.clock.instant(),
				SignedIn.username());
		item.describe(form.getAltText(), form.getCaption(), form.getCredit());
		item = this.items.saveAndFlush(item);
		this.files.store(key, content, image.variants());
		this.audit.record(AuditAction.MEDIA_UPLOADED, "media", item.getId(), item.getOriginalName() + " ("
				+ image.type().contentType() + ", " + image.width() + "×" + image.height() + ")");
		return this.views.view(item);
	}

	/**
	 * Changes the alt text, caption and credit.
	 * @throws ObjectOptimisticLockingFailureException when somebody saved in between
	 */
	@Transactional
	public void update(Long id, MediaForm form) {
		MediaItem item = item(id);
		if (item.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(MediaItem.class, id);
		}
		item.describe(form.getAltText(), form.getCaption(), form.getCredit());
		this.audit.record(AuditAction.MEDIA_CHANGED, "media", id, item.getOriginalName());
		this.cluster.changed(Topic.MEDIA, id);
	}

	/**
	 * Deletes an item; its files go once the deletion is committed. Pages that still show
	 * it get a missing image.
	 * @throws MediaRejectedException with {@code media.error.inUse} when the database
	 * refuses because something still refers to it
	 */
	@Transactional
	public void delete(Long id) {
		MediaItem item = item(id);
		try {
			this.items.delete(item);
			this.items.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw MediaRejectedException.inUse(ex);
		}
		this.audit.record(AuditAction.MEDIA_DELETED, "media", id, item.getOriginalName());
		this.cluster.changed(Topic.MEDIA, id);
		this.files.deleteAfterCommit(item);
	}

	private MediaItem item(Long id) {
		return this.items.findById(id).orElseThrow(() -> new MediaNotFoundException(id));
	}

	/** The file name without any path a browser may send, at most 255 characters. */
	static String originalName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name != null) {
			name = StringUtils.getFilename(name.replace('\\', '/'));
		}
		if (name == null || name.isBlank()) {
			name = "image";
		}
		name = name.strip();
		return (name.length() > 255) ? name.substring(name.length() - 255) : name;
	}

	static String sizeText(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + "MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + "KB";
		}
		return bytes + "B";
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
