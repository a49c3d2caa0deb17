package dev.shimbun.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.shimbun.PageNumber;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log. Filters arrive as typed text: a filter that cannot be read (an unknown
 * action, a date that is not yyyy-MM-dd, an end before the start) is left out, the list
 * is shown with the others, and the page answers 400 with the reason next to the filter.
 */
@Controller
class AuditController {

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private final AuditService audit;

	AuditController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		AuditAction chosen = action(action, problems);
		LocalDate start = date("from", from, problems);
		LocalDate end = date("to", to, problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.put("to", "audit.error.range");
			end = null;
		}
		AuditFilter filter = new AuditFilter(actor, chosen, targetType, start, end);
		Page<AuditEntry> events = this.audit.search(filter, PageNumber.lenient(page) - 1);
		model.addAttribute("events", events);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("filter", filter);
		model.addAttribute("typed", typed(from, to, problems));
		model.addAttribute("problems", problems);
		model.addAttribute("currentPage", events.getNumber() + 1);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "admin/audit";
	}

	private static AuditAction action(String value, Map<String, String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return AuditAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.put("action", "audit.error.action");
			return null;
		}
	}

	/** A date as yyyy-MM-dd (years 0001 to 9999), or {@code null}. */
	private static LocalDate date(String field, String value, Map<String, String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (DATE.matcher(text).matches()) {
				LocalDate date = LocalDate.parse(text);
				if (date.getYear() >= 1) {
					return date;
				}
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		problems.put(field, "audit.error.date");
		return null;
	}

	/** The dates as typed, shown again in their fields when they could not be read. */
	private static Map<String, String> typed(String from, String to, Map<String, String> problems) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("from", problems.containsKey("from") ? from : null);
		typed.put("to", problems.containsKey("to") ? to : null);
		return typed;
	}

}
