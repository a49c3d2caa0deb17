package dev.shimbun.media;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.shimbun.PageNumber;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The media library for editors: browse and search, upload, describe, delete. A refused
 * upload or change comes back as its form with the reason and the typed texts, and the
 * status says why: 422 for the file or the texts, 413 for a file too large, 429 (with
 * {@code Retry-After}) when too many images are being decoded, 409 for an item in use.
 */
@Controller
@RequestMapping("/admin/media")
class MediaAdminController {

	private final MediaLibrary library;

	private final MediaService media;

	private final MessageSource messages;

	MediaAdminController(MediaLibrary library, MediaService media, MessageSource messages) {
		this.library = library;
		this.media = media;
		this.messages = messages;
	}

	@ModelAttribute("maxUploadSize")
	String maxUploadSize() {
		return this.media.maxUploadSizeText();
	}

	@GetMapping
	String library(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
		String query = (q != null) ? q.strip() : "";
		Page<MediaView> items = this.library.library(query, PageNumber.lenient(page) - 1);
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
	String upload(@Valid @ModelAttribute("media") MediaForm form, BindingResult result, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "admin/media/new";
		}
		try {
			this.media.upload(form.getFile(), form);
			redirect.addFlashAttribute("notice", "media.notice.uploaded");
			return "redirect:/admin/media";
		}
		catch (MediaRejectedException ex) {
			result.rejectValue("file", ex.messageKey(), ex.arguments(), null);
			refused(response, ex);
			return "admin/media/new";
		}
	}

	/**
	 * An upload from the article editor's script (a pasted, dropped or chosen image): the
	 * same checks as the upload form, answered as JSON, 201 with the item or the form's
	 * status with {@code message} in Japanese.
	 */
	@PostMapping(path = "/upload", produces = "application/json")
	ResponseEntity<Map<String, Object>> uploadFromEditor(@Valid @ModelAttribute("media") MediaForm form,
			BindingResult result, Locale locale) {
		if (result.hasErrors()) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("message", this.messages.getMessage(result.getAllErrors().get(0), locale)));
		}
		try {
			MediaView item = this.media.upload(form.getFile(), form);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", item.id());
			body.put("src", item.src());
			body.put("thumbnail", item.thumbnail());
			body.put("width", item.width());
			body.put("height", item.height());
			body.put("altText", item.altText());
			body.put("caption", item.caption());
			body.put("credit", item.credit());
			return ResponseEntity.status(HttpStatus.CREATED).body(body);
		}
		catch (MediaRejectedException ex) {
			ResponseEntity.BodyBuilder refusal = ResponseEntity.status(ex.status());
			if (ex.retryAfterSeconds() > 0) {
				refusal.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
			}
			return refusal.body(Map.of("message",
					this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale)));
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable Long id, Model model) {
		MediaView item = this.library.get(id);
		model.addAttribute("item", item);
		model.addAttribute("media", MediaForm.from(item));
		return "admin/media/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable Long id, @Valid @ModelAttribute("media") MediaForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("item", this.library.get(id));
			return "admin/media/edit";
		}
		this.media.update(id, form);
		redirect.addFlashAttribute("notice", "media.notice.updated");
		return "redirect:/admin/media";
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable Long id, Model model) {
		model.addAttribute("item", this.library.get(id));
		return "admin/media/delete";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable Long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.media.delete(id);
		}
		catch (MediaRejectedException ex) {
			model.addAttribute("item", this.library.get(id));
			model.addAttribute("error", ex.messageKey());
			refused(response, ex);
			return "admin/media/delete";
		}
		redirect.addFlashAttribute("notice", "media.notice.deleted");
		return "redirect:/admin/media";
	}

	private static void refused(HttpServletResponse response, MediaRejectedException refusal) {
		response.setStatus(refusal.status().value());
		if (refusal.retryAfterSeconds() > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
		}
	}

}
