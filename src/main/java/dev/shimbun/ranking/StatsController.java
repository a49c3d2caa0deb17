package dev.shimbun.ranking;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Views per article for editors: a table of every article's views in the last 24 hours,
 * the last 7 days and all time, and one article's views over time as charts and tables.
 * Read only.
 */
@Controller
@RequestMapping("/admin/stats")
class StatsController {

	private final StatsService stats;

	private final ViewChart charts;

	StatsController(StatsService stats, ViewChart charts) {
		this.stats = stats;
		this.charts = charts;
	}

	@GetMapping
	String index(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "1") int page, Model model) {
		StatsSort order = StatsSort.parse(sort);
		int current = Math.max(page, 1);
		StatsService.Table table = this.stats.articles(q, order, current - 1);
		model.addAttribute("articles", table.articles());
		model.addAttribute("asOf", table.asOf());
		model.addAttribute("q", q);
		model.addAttribute("sort", order);
		model.addAttribute("sorts", StatsSort.values());
		model.addAttribute("currentPage", current);
		return "admin/stats/index";
	}

	@GetMapping("/{id}")
	String article(@PathVariable Long id, Model model) {
		StatsService.ArticleStats article = this.stats.article(id);
		String headline = article.totals().headline();
		model.addAttribute("article", article);
		model.addAttribute("hourlyChart", this.charts.hourly("chart-hourly", headline, article.hourly()));
		model.addAttribute("dailyChart", this.charts.daily("chart-daily", headline, article.daily()));
		return "admin/stats/article";
	}

}
