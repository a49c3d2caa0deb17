package dev.shimbun.media;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.shimbun.Like;
import dev.shimbun.PageNumber;
import dev.shimbun.ShimbunProperties;
import dev.shimbun.SignedIn;
import dev.shimbun.audit.AuditAction;
import dev.shimbun.audit.AuditService;
import dev.shimbun.cluster.ClusterEvents;
import dev.shimbun.cluster.ContentChanged.Topic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.hierarchicalroles.NullRoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library: uploads checked by their content, stored with resized variants,
 * described, found and deleted. Every change is in the audit log. Other features show
 * media items through {@link #get(Long)} and let editors pick them through
 * {@link #library(String, int)}. The files of an item are public once a page that readers
 * can see shows it (as {@link MediaUsage} implementations tell); until then only editors
 * get them.
 */
@Service
@Transactional(readOnly = true)
public class MediaService {

	/** Items per page of the library. */
	public static final int PAGE_SIZE = 24;

	private static final Logger logger = LoggerFactory.getLogger(MediaService.class);

	/** The variants in URLs ({@code 640}, {@code 1280}) and their widths. */
	private static final Map<String, Integer> VARIANT_NAMES = ImageProcessor.VARIANT_WIDTHS.stream()
		.collect(Collectors.toMap(String::valueOf, Function.identity()));

	/** The role that may see every item, published or not (ADMIN reaches it). */
	private static final String EDITOR = "ROLE_EDITOR";

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final MediaItemRepository items;

	private final MediaStorage storage;

	private final AuditService audit;

	private final Clock clock;

	private final ZoneId zone;

	private final DataSize maxUploadSize;

	private final ImageProcessor images;

	private final ClusterEvents cluster;

	private final List<MediaUsage> usages;

	private final RoleHierarchy roles;

	MediaService(MediaItemRepository items, MediaStorage storage, AuditService audit, Clock clock,
			ShimbunProperties properties, ClusterEvents cluster, ImageProcessor images,
			ObjectProvider<MediaUsage> usages, ObjectProvider<RoleHierarchy> roles) {
		this.cluster = cluster;
		this.images = images;
		this.usages = usages.orderedStream().toList();
		this.roles = roles.getIfAvailable(NullRoleHierarchy::new);
		this.items = items;
		this.storage = storage;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.site().zone();
		this.maxUploadSize = properties.media().maxUploadSize();
	}

	/**
	 * A media item.
	 * @throws MediaNotFoundException when there is none with that id
	 */
	public MediaView get(Long id) {
		return view(item(id));
	}

	/** A media item, or empty when there is none with that id. */
	public Optional<MediaView> find(Long id) {
		return (id != null) ? this.items.findById(id).map(this::view) : Optional.empty();
	}

	/** The media items with these ids (in one query), by id; unknown ids are left out. */
	public Map<Long, MediaView> getAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.items.findByIdIn(ids)
			.stream()
			.map(this::view)
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
		}).map(this::view);
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
		store(key, content, image.variants());
		this.audit.record(AuditAction.MEDIA_UPLOADED, "media", item.getId(), item.getOriginalName() + " ("
				+ image.type().contentType() + ", " + image.width() + "×" + image.height() + ")");
		return view(item);
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
		List<String> variants = variantNames(item);
		String key = item.getFileKey();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deleteFiles(key, variants);
			}
		});
	}

	/**
	 * The file of a variant ({@code null} for the original); a variant that was not made
	 * because the image is not wider is the original. Readers get the files of an item
	 * that a page they can see shows; editors (and admins) get every item's.
	 * @throws MediaNotFoundException for an unknown item or variant, a missing file, or
	 * an item that readers may not see yet, asked for by somebody else than an editor
	 */
	MediaFile file(Long id, String variant) {
		MediaItem item = item(id);
		boolean shown = shownToReaders(id);
		if (!shown && !editor()) {
			throw new MediaNotFoundException(id);
		}
		String name = MediaStorage.ORIGINAL;
		String contentType = item.getContentType();
		if (variant != null) {
			int width = VARIANT_NAMES.getOrDefault(variant, -1);
			if (width < 0) {
				throw new MediaNotFoundException(id, variant);
			}
			if (item.hasVariant(width)) {
				name = variant;
				contentType = item.getVariantType();
			}
		}
		String stored = name;
		Resource resource = this.storage.get(item.getFileKey(), name).orElseThrow(() -> {
			logger.warn("File {}/{} of media item {} is missing", item.getFileKey(), stored, id);
			return new MediaNotFoundException(id, stored);
		});
		return new MediaFile(resource, MediaType.parseMediaType(contentType),
				"\"" + item.getSha256().substring(0, 20) + "-" + name + "\"", shown);
	}

	/** Whether a page that readers can see now shows the item. */
	boolean shownToReaders(Long id) {
		Instant now = this.clock.instant();
		return this.usages.stream().anyMatch((usage) -> usage.shownToReaders(id, now));
	}

	/** Whether the current request comes from a signed-in editor or admin. */
	private boolean editor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return false;
		}
		return this.roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.anyMatch((authority) -> EDITOR.equals(authority.getAuthority()));
	}

	private MediaItem item(Long id) {
		return this.items.findById(id).orElseThrow(() -> new MediaNotFoundException(id));
	}

	/**
	 * Writes the original and the variants; when one fails, or when the transaction does
	 * not commit, the files written are deleted again.
	 */
	private void store(String key, byte[] original, List<ImageProcessor.Variant> variants) {
		List<String> written = new ArrayList<>();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					deleteFiles(key, written);
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

	private void deleteFiles(String key, List<String> variants) {
		for (String variant : variants) {
			try {
				this.storage.delete(key, variant);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Could not delete media file {}/{}", key, variant, ex);
			}
		}
	}

	private static List<String> variantNames(MediaItem item) {
		List<String> names = new ArrayList<>();
		names.add(MediaStorage.ORIGINAL);
		item.variantWidths().forEach((width) -> names.add(String.valueOf(width)));
		return names;
	}

	private MediaView view(MediaItem item) {
		String url = "/media/" + item.getId();
		List<Integer> variants = item.variantWidths();
		int largest = ImageProcessor.VARIANT_WIDTHS.get(ImageProcessor.VARIANT_WIDTHS.size() - 1);
		int smallest = ImageProcessor.VARIANT_WIDTHS.get(0);
		List<String> candidates = new ArrayList<>();
		variants.forEach((width) -> candidates.add(url + "/" + width + " " + width + "w"));
		if (variants.isEmpty() || item.getWidth() <= largest) {
			candidates.add(url + " " + item.getWidth() + "w");
		}
		return new MediaView(item.getId(), url, variants.contains(largest) ? url + "/" + largest : url,
				String.join(", ", candidates), variants.contains(smallest) ? url + "/" + smallest : url,
				item.getWidth(), item.getHeight(), item.getAltText(), item.getCaption(), item.getCredit(),
				item.getContentType(), item.getOriginalName(), item.getByteSize(),
				item.getCreatedAt().atZone(this.zone), item.getCreatedBy(), item.getVersion());
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
