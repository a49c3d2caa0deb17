package dev.shimbun.backup;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Backups for administrators: the archives there are, one taken now, one downloaded. With
 * PostgreSQL the page explains the scripts instead.
 */
@Controller
@RequestMapping("/admin/backups")
class BackupAdminController {

	private final BackupService backups;

	BackupAdminController(BackupService backups) {
		this.backups = backups;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("mode", this.backups.mode());
		model.addAttribute("backups", this.backups.list());
		model.addAttribute("directory", this.backups.directory().toString());
		model.addAttribute("keep", this.backups.keep());
		model.addAttribute("schedule", this.backups.schedule().orElse(null));
		return "admin/backups/list";
	}

	@PostMapping
	String create(RedirectAttributes redirect) {
		try {
			this.backups.create();
			redirect.addFlashAttribute("notice", "backups.notice.created");
		}
		catch (BackupException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/backups";
	}

	@GetMapping("/{name:shimbun-[0-9-]+\\.zip}")
	ResponseEntity<Resource> download(@PathVariable String name) {
		Path file = this.backups.find(name).orElseThrow(() -> new BackupNotFoundException(name));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(new FileSystemResource(file));
	}

}
