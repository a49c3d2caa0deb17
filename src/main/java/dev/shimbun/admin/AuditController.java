package dev.shimbun.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

	private final AuditService audit;

	AuditController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, BindingResult filterErrors,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("events", this.audit.search(filter, Math.max(page, 1) - 1));
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("currentPage", Math.max(page, 1));
		return "admin/audit";
	}

}
