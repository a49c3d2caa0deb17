package dev.shimbun.article;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The article editor. Body blocks are edited in the same form: adding, moving and
 * deleting blocks re-renders the form (nothing is saved until 保存する), so it works without
 * JavaScript and nothing typed is lost. It is longer than most forms because it carries
 * every field of an article (each with its constraints and accessors) and the block
 * actions that work on them.
 */
public class ArticleForm {

	static final String SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

	private long version;

	@NotBlank
	@Size(max = 300)
	private String headline;

	@Size(max = 120)
	@Pattern(regexp = "(" + SLUG_PATTERN + ")?")
	private String slug;

	@Size(max = 500)
	private String summary;

	@NotNull
	private Long categoryId;

	@NotNull
	private Long authorId;

	@NotNull
	private ArticleStatus status = ArticleStatus.DRAFT;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime publishAt;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime unpublishAt;

	@Valid
	private List<BlockForm> blocks = new ArrayList<>();

	@Size(max = 2000)
	private String correction;

	@NotNull
	private CommentMode commentMode = CommentMode.OPEN;

	@jakarta.validation.constraints.Min(1)
	@jakarta.validation.constraints.Max(3650)
	private Integer commentsCloseAfterDays;

	static ArticleForm blank() {
		ArticleForm form = new ArticleForm();
		form.blocks.add(BlockForm.paragraph());
		return form;
	}

	static ArticleForm from(Article article, ZoneId zone) {
		ArticleForm form = new ArticleForm();
		form.version = article.getVersion();
		form.headline = article.getHeadline();
		form.slug = article.getSlug();
		form.summary = article.getSummary();
		form.categoryId = article.getCategory().getId();
		form.authorId = article.getAuthor().getId();
		form.status = article.getStatus();
		form.publishAt = (article.getPublishedAt() != null)
				? article.getPublishedAt().atZone(zone).toLocalDateTime().withSecond(0).withNano(0) : null;
		form.unpublishAt = (article.getUnpublishAt() != null)
				? article.getUnpublishAt().atZone(zone).toLocalDateTime().withSecond(0).withNano(0) : null;
		article.getBlocks().forEach((block) -> form.blocks.add(BlockForm.of(BlockContent.of(block))));
		form.commentMode = article.getCommentMode();
		form.commentsCloseAfterDays = article.getCommentsCloseAfterDays();
		return form;
	}

	/**
	 * Applies a block action of the editor: {@code add-paragraph}, {@code add-figure},
	 * {@code add:KIND} (any {@link BlockKind}), {@code up:N}, {@code down:N} or
	 * {@code delete:N}.
	 * @return whether the action was one of these
	 */
	boolean applyBlockAction(String action) {
		if (action == null) {
			return false;
		}
		if (action.equals("add-paragraph")) {
			this.blocks.add(BlockForm.paragraph());
			return true;
		}
		if (action.equals("add-figure")) {
			this.blocks.add(BlockForm.figure());
			return true;
		}
		if (action.startsWith("add:")) {
			BlockForm block = new BlockForm();
			block.setKind(java.util.Arrays.stream(BlockKind.values())
				.filter((kind) -> kind.name().equals(action.substring(4)))
				.findFirst()
				.orElse(BlockKind.PARAGRAPH));
			this.blocks.add(block);
			return true;
		}
		int colon = action.indexOf(':');
		if (colon < 0) {
			return false;
		}
		String verb = action.substring(0, colon);
		int index;
		try {
			index = Integer.parseInt(action.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (index < 0 || index >= this.blocks.size()) {
			return verb.equals("up") || verb.equals("down") || verb.equals("delete");
		}
		switch (verb) {
			case "up" -> {
				if (index > 0) {
					Collections.swap(this.blocks, index, index - 1);
				}
			}
			case "down" -> {
				if (index < this.blocks.size() - 1) {
					Collections.swap(this.blocks, index, index + 1);
				}
			}
			case "delete" -> this.blocks.remove(index);
			default -> {
				return false;
			}
		}
		return true;
	}

	List<BlockContent> body() {
		return this.blocks.stream().filter((block) -> !block.isEmpty()).map(BlockForm::toContent).toList();
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getHeadline() {
		return this.headline;
	}

	public void setHeadline(String headline) {
		this.headline = headline;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public Long getAuthorId() {
		return this.authorId;
	}

	public void setAuthorId(Long authorId) {
		this.authorId = authorId;
	}

	public ArticleStatus getStatus() {
		return this.status;
	}

	public void setStatus(ArticleStatus status) {
		this.status = status;
	}

	public LocalDateTime getPublishAt() {
		return this.publishAt;
	}

	public void setPublishAt(LocalDateTime publishAt) {
		this.publishAt = publishAt;
	}

	public LocalDateTime getUnpublishAt() {
		return this.unpublishAt;
	}

	public void setUnpublishAt(LocalDateTime unpublishAt) {
		this.unpublishAt = unpublishAt;
	}

	public List<BlockForm> getBlocks() {
		return this.blocks;
	}

	public void setBlocks(List<BlockForm> blocks) {
		this.blocks = blocks;
	}

	public CommentMode getCommentMode() {
		return this.commentMode;
	}

	public void setCommentMode(CommentMode commentMode) {
		this.commentMode = commentMode;
	}

	public Integer getCommentsCloseAfterDays() {
		return this.commentsCloseAfterDays;
	}

	public void setCommentsCloseAfterDays(Integer commentsCloseAfterDays) {
		this.commentsCloseAfterDays = commentsCloseAfterDays;
	}

	public String getCorrection() {
		return this.correction;
	}

	public void setCorrection(String correction) {
		this.correction = correction;
	}

}
