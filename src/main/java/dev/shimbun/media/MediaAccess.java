package dev.shimbun.media;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.NullRoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which stored file a media URL means, and who may have it. The files of an item are
 * public once a page that readers can see shows it (as the {@link MediaUsage}
 * implementations tell); until then only editors (and admins) get them.
 */
@Service
@Transactional(readOnly = true)
class MediaAccess {

	private static final Logger logger = LoggerFactory.getLogger(MediaAccess.class);

	/** The variants in URLs ({@code 640}, {@code 1280}) and their widths. */
	private static final Map<String, Integer> VARIANT_NAMES = ImageProcessor.VARIANT_WIDTHS.stream()
		.collect(Collectors.toMap(String::valueOf, Function.identity()));

	/** The role that may see every item, published or not (ADMIN reaches it). */
	private static final String EDITOR = "ROLE_EDITOR";

	private final MediaItemRepository items;

	private final MediaStorage storage;

	private final Clock clock;

	private final List<MediaUsage> usages;

	private final RoleHierarchy roles;

	MediaAccess(MediaItemRepository items, MediaStorage storage, Clock clock, ObjectProvider<MediaUsage> usages,
			ObjectProvider<RoleHierarchy> roles) {
		this.items = items;
		this.storage = storage;
		this.clock = clock;
		this.usages = usages.orderedStream().toList();
		this.roles = roles.getIfAvailable(NullRoleHierarchy::new);
	}

	/**
	 * The file of a variant ({@code null} for the original); a variant that was not made
	 * because the image is not wider is the original. Readers get the files of an item
	 * that a page they can see shows; editors (and admins) get every item's. A file that
	 * readers may see is only pointed to when the store has a public URL for it.
	 * @throws MediaNotFoundException for an unknown item or variant, a missing file, or
	 * an item that readers may not see yet, asked for by somebody else than an editor
	 */
	MediaFile file(Long id, String variant) {
		MediaItem item = this.items.findById(id).orElseThrow(() -> new MediaNotFoundException(id));
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
		if (shown) {
			Optional<URI> publicUrl = this.storage.publicUrl(item.getFileKey(), name);
			if (publicUrl.isPresent()) {
				return MediaFile.elsewhere(publicUrl.get());
			}
		}
		Resource resource = this.storage.get(item.getFileKey(), name).orElseThrow(() -> {
			logger.warn("File {}/{} of media item {} is missing", item.getFileKey(), stored, id);
			return new MediaNotFoundException(id, stored);
		});
		return new MediaFile(resource, MediaType.parseMediaType(contentType),
				"\"" + item.getSha256().substring(0, 20) + "-" + name + "\"", shown);
	}

	/** Whether a page that readers can see now shows the item. */
	private boolean shownToReaders(Long id) {
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

}
