package dev.shimbun.media;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An uploaded image: what the file is (checked by its content) and how it is described.
 * The bytes live in {@link MediaStorage} under {@link #getFileKey()}: the original and
 * the variants listed in {@link #variantWidths()}.
 */
@Entity
@Table(name = "media_item")
class MediaItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "file_key")
	private String fileKey;

	@Column(name = "original_name")
	private String originalName;

	@Column(name = "content_type")
	private String contentType;

	private int width;

	private int height;

	@Column(name = "byte_size")
	private long byteSize;

	private String sha256;

	@Column(name = "variant_widths")
	private String variantWidths;

	@Column(name = "variant_type")
	private String variantType;

	@Column(name = "alt_text")
	private String altText;

	private String caption;

	private String credit;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Version
	private long version;

	protected MediaItem() {
	}

	MediaItem(String fileKey, String originalName, ImageType type, int width, int height, long byteSize, String sha256,
			List<Integer> variantWidths, ImageType variantType, Instant createdAt, String createdBy) {
		this.fileKey = fileKey;
		this.originalName = originalName;
		this.contentType = type.contentType();
		this.width = width;
		this.height = height;
		this.byteSize = byteSize;
		this.sha256 = sha256;
		this.variantWidths = variantWidths.stream().map(String::valueOf).collect(Collectors.joining(","));
		this.variantType = variantWidths.isEmpty() ? null : variantType.contentType();
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	/** Sets the description; blank texts are stored as none. */
	void describe(String altText, String caption, String credit) {
		this.altText = blankToNull(altText);
		this.caption = blankToNull(caption);
		this.credit = blankToNull(credit);
	}

	/** The widths of the resized variants that were made, smallest first. */
	List<Integer> variantWidths() {
		if (this.variantWidths == null || this.variantWidths.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(this.variantWidths.split(",")).map(Integer::valueOf).sorted().toList();
	}

	boolean hasVariant(int variantWidth) {
		return variantWidths().contains(variantWidth);
	}

	Long getId() {
		return this.id;
	}

	String getFileKey() {
		return this.fileKey;
	}

	String getOriginalName() {
		return this.originalName;
	}

	String getContentType() {
		return this.contentType;
	}

	int getWidth() {
		return this.width;
	}

	int getHeight() {
		return this.height;
	}

	long getByteSize() {
		return this.byteSize;
	}

	String getSha256() {
		return this.sha256;
	}

	String getVariantType() {
		return this.variantType;
	}

	String getAltText() {
		return this.altText;
	}

	String getCaption() {
		return this.caption;
	}

	String getCredit() {
		return this.credit;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	long getVersion() {
		return this.version;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
