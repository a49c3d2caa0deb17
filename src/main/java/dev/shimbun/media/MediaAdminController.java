package dev.shimbun.media;

import dev.shimbun.PageNumber;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The media library for editors: browse and search, upload, describe, delete.
 */
@Controller
@RequestMapping("/admin/media")
class MediaAdminController {

	private final MediaService media;

	MediaAdminController(MediaService media) {
		this.media = media;
	}

	@ModelAttribute("maxUploadSize")
	String maxUploadSize() {
		return this.media.maxUploadSizeText();
	}

	@GetMapping
	String library(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		String query = (q != null) ? q.strip() : "";
		Page<MediaView> items = this.media.library(query, PageNumber.lenient(page) - 1);
		model.addAttribute("items", items);
		model.addAttribute("q", query);
		model.addAttribute("currentPage", items.getNumber() + 1);
		return "admin/media/list";
	}

	@GetMapping("/new")
	String newMedia(Model model) {
		model.addAttribute("media", new MediaForm());
		return "admin/media/new";
	}

	@PostMapping
	String upload(@Valid @ModelAttribute("media") MediaForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.media.upload(form.getFile(), form);
				redirect.addFlashAttribute("notice", "media.notice.uploaded");
				return "redirect:/admin/media";
			}
			catch (MediaRejectedException ex) {
				result.rejectValue("file", ex.messageKey(), ex.arguments(), null);
			}
		}
		return "admin/media/new";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		MediaView item = this.media.get(id);
		model.addAttribute("item", item);
		model.addAttribute("media", MediaForm.from(item));
		return "admin/media/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @Valid @ModelAttribute("media") MediaForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("item", this.media.get(id));
			return "admin/media/edit";
		}
		this.media.update(id, form);
		redirect.addFlashAttribute("notice", "media.notice.updated");
		return "redirect:/admin/media";
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable Long id, Model model) {
		model.addAttribute("item", this.media.get(id));
		return "admin/media/delete";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable Long id, Model model, RedirectAttributes redirect) {
		try {
			this.media.delete(id);
		}
		catch (MediaRejectedException ex) {
			model.addAttribute("item", this.media.get(id));
			model.addAttribute("error", ex.messageKey());
			return "admin/media/delete";
		}
		redirect.addFlashAttribute("notice", "media.notice.deleted");
		return "redirect:/admin/media";
	}

}
