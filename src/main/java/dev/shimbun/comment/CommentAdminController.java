package dev.shimbun.comment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderators' pages under /admin/comments: the queues (pending, reported, hidden,
 * all) with filters and actions on one comment or several (the site's comment rules are
 * {@link CommentRulesController}). Every action ends back on the same queue, filters and
 * page, with a message; a comment somebody else changed in the meantime is left alone and
 * the list shows it as it is now.
 */
@Controller
@RequestMapping("/admin/comments")
class CommentAdminController {

	private static final List<ModerationAction> BULK_ACTIONS = Arrays.stream(ModerationAction.values())
		.filter(ModerationAction::isBulk)
		.toList();

	/** How long a moderator may put a client on pre-moderation, in hours. */
	private static final List<Integer> HOLD_HOURS = List.of(1, 24, 24 * 7, 24 * 30);

	private final CommentModerationService moderation;

	private final CommentReactions reactions;

	CommentAdminController(CommentModerationService moderation, CommentReactions reactions) {
		this.moderation = moderation;
		this.reactions = reactions;
	}

	@GetMapping
	String list(@RequestParam(required = false) String queue, @RequestParam(required = false) String article,
			@RequestParam(required = false) String text, @RequestParam(required = false) String client,
			@RequestParam(required = false) String page, Model model) {
		CommentAdminQuery asked = CommentAdminQuery.of(queue, article, text, client, page);
		Page<CommentRow> rows = this.moderation.search(asked);
		CommentAdminQuery query = asked.onPage(rows.getNumber() + 1);
		model.addAttribute("query", query);
		model.addAttribute("rows", rows);
		model.addAttribute("counts", this.moderation.counts(query));
		model.addAttribute("queues", CommentQueue.values());
		model.addAttribute("bulkActions", BULK_ACTIONS);
		model.addAttribute("reactionKinds", Reaction.values());
		model.addAttribute("reactionLabels", this.reactions.labels());
		if (query.client() != null) {
			model.addAttribute("clientHeldUntil", this.moderation.heldUntil(query.client()).orElse(null));
			model.addAttribute("holdHours", HOLD_HOURS);
		}
		return "admin/comments/list";
	}

	/**
	 * The per-client view's actions on one poster (the keyed hash of its address): hide
	 * every comment of it that readers see or may see, put it on pre-moderation for some
	 * hours, or take it off.
	 */
	@PostMapping("/client/{action}")
	String client(@PathVariable String action, @RequestParam(required = false) String client,
			@RequestParam(required = false) Integer hours, RedirectAttributes redirect) {
		CommentAdminQuery query = CommentAdminQuery.of("all", null, null, client, null);
		if (query.client() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no such client");
		}
		switch (action) {
			case "hide" -> {
				redirect.addFlashAttribute("bulkNotice", "moderation.notice.bulk.hide");
				redirect.addFlashAttribute("bulkCount", this.moderation.hideAllOf(query.client()));
			}
			case "hold" -> {
				if (hours == null || !HOLD_HOURS.contains(hours)) {
					redirect.addFlashAttribute("problem", "moderation.error.holdHours");
					return "redirect:" + query.link();
				}
				this.moderation.hold(query.client(), Duration.ofHours(hours));
				redirect.addFlashAttribute("notice", "moderation.notice.hold");
			}
			case "release" -> {
				this.moderation.release(query.client());
				redirect.addFlashAttribute("notice", "moderation.notice.release");
			}
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:" + query.link();
	}

	@PostMapping("/{id}/{action}")
	String moderate(@PathVariable Long id, @PathVariable String action, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String article,
			@RequestParam(required = false) String text, @RequestParam(required = false) String client,
			@RequestParam(required = false) String page, RedirectAttributes redirect) {
		ModerationAction parsed = ModerationAction.parse(action);
		if (parsed == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			this.moderation.moderate(id, parsed, version);
			redirect.addFlashAttribute("notice", "moderation.notice." + parsed.parameter());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem", "moderation.error.changed");
		}
		catch (ModerationRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:" + CommentAdminQuery.of(queue, article, text, client, page).link();
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable Long id, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String article, @RequestParam(required = false) String text,
			@RequestParam(required = false) String client, @RequestParam(required = false) String page, Model model) {
		model.addAttribute("rows", List.of(this.moderation.row(id)));
		model.addAttribute("query", CommentAdminQuery.of(queue, article, text, client, page));
		model.addAttribute("single", true);
		return "admin/comments/delete";
	}

	@PostMapping("/bulk")
	String bulk(@ModelAttribute("bulk") CommentAdminBulkForm form, BindingResult binding,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String article,
			@RequestParam(required = false) String text, @RequestParam(required = false) String client,
			@RequestParam(required = false) String page, Model model, RedirectAttributes redirect) {
		CommentAdminQuery query = CommentAdminQuery.of(queue, article, text, client, page);
		ModerationAction action = ModerationAction.parse(form.getAction());
		List<Long> ids = form.chosen();
		if (ids.isEmpty()) {
			redirect.addFlashAttribute("problem", "moderation.error.noneChosen");
			return "redirect:" + query.link();
		}
		if (action == null || !action.isBulk()) {
			redirect.addFlashAttribute("problem", "moderation.error.noAction");
			return "redirect:" + query.link();
		}
		if (action == ModerationAction.DELETE && !form.isConfirmed()) {
			List<CommentRow> rows = this.moderation.rows(ids);
			if (rows.size() != ids.size()) {
				redirect.addFlashAttribute("problem", "moderation.error.changed");
				return "redirect:" + query.link();
			}
			model.addAttribute("rows", rows);
			model.addAttribute("query", query);
			model.addAttribute("single", false);
			return "admin/comments/delete";
		}
		try {
			int count = this.moderation.moderate(ids, action, form.getVersions());
			redirect.addFlashAttribute("bulkNotice", "moderation.notice.bulk." + action.parameter());
			redirect.addFlashAttribute("bulkCount", count);
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem", "moderation.error.changedBulk");
		}
		catch (ModerationRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:" + query.link();
	}

}
