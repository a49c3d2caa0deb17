package dev.shimbun.web;

import dev.shimbun.article.ArticleService;
import dev.shimbun.audit.AuditService;
import dev.shimbun.comment.CommentService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private final ArticleService articles;

	private final CommentService comments;

	private final AuditService audit;

	DashboardController(ArticleService articles, CommentService comments, AuditService audit) {
		this.articles = articles;
		this.comments = comments;
		this.audit = audit;
	}

	@GetMapping({ "/admin", "/admin/" })
	String dashboard(Model model) {
		model.addAttribute("statusCounts", this.articles.countByStatus());
		model.addAttribute("pendingComments", this.comments.countPending());
		model.addAttribute("latestEdits", this.audit.latestEdits());
		return "admin/dashboard";
	}

}
