package dev.shimbun.ranking;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Draws an article's views over time as an inline SVG, on the server: axes, horizontal
 * gridlines labelled with numbers of views, vertical gridlines labelled with times in the
 * site's zone, and a line (hours) or bars (days). The SVG is an image with a title and a
 * description (what it shows, the total and the peak) for screen readers; the page puts
 * the same numbers in a table. Every text is escaped; there is no script and no style
 * attribute (the CSP allows neither), only presentation attributes and classes.
 */
@Component
class ViewChart {

	static final int WIDTH = 760;

	static final int HEIGHT = 320;

	private static final int LEFT = 64;

	private static final int RIGHT = 24;

	private static final int TOP = 32;

	private static final int BOTTOM = 40;

	private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;

	private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

	/** Horizontal gridlines aimed at, besides the baseline. */
	private static final int Y_STEPS = 4;

	/** Days between the labelled days of the daily chart, counted back from today. */
	private static final int DAY_LABEL_EVERY = 5;

	private final MessageSource messages;

	ViewChart(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A line of views per hour, with a vertical gridline at each midnight of the site's
	 * zone, labelled with the date.
	 * @param id the SVG's id, unique in the page; its title and description get ids from
	 * it
	 */
	String hourly(String id, String headline, List<ViewPoint> hours) {
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter tick = formatter("stats.format.hour", locale);
		DateTimeFormatter slot = formatter("stats.format.hourSlot", locale);
		Scale scale = Scale.of(hours);
		Svg svg = start(id, msg("stats.chart.hourly.title", locale, headline),
				description("stats.chart.hourly", hours, slot, locale), locale, scale);
		int count = hours.size();
		svg.open("g", "class", "chart-grid chart-grid-x", "stroke", "#d6d6d2");
		StringBuilder labels = new StringBuilder();
		for (int index = 0; index < count; index++) {
			ZonedDateTime start = hours.get(index).start();
			if (start.getHour() == 0 && start.getMinute() == 0) {
				String x = number(x(index, count));
				svg.empty("line", "x1", x, "y1", number(TOP), "x2", x, "y2", number(TOP + PLOT_HEIGHT));
				labels.append(Svg.element("text", tick.format(start), "x", x, "y", number(TOP + PLOT_HEIGHT + 20),
						"text-anchor", anchor(x(index, count))));
			}
		}
		svg.close("g");
		svg.open("g", "class", "chart-labels chart-labels-x", "fill", "currentColor", "font-size", "12");
		svg.raw(labels.toString());
		svg.close("g");
		axes(svg);
		StringBuilder points = new StringBuilder();
		for (int index = 0; index < count; index++) {
			if (index > 0) {
				points.append(' ');
			}
			points.append(number(x(index, count))).append(',').append(number(scale.y(hours.get(index).views())));
		}
		svg.empty("polyline", "class", "chart-line", "fill", "none", "stroke", "#0b3d91", "stroke-width", "2",
				"stroke-linejoin", "round", "points", points.toString());
		return svg.end();
	}

	/**
	 * A bar of views per day, with every fifth day (counted back from the last) labelled
	 * with its date.
	 * @param id the SVG's id, unique in the page
	 */
	String daily(String id, String headline, List<ViewPoint> days) {
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter tick = formatter("stats.format.day", locale);
		DateTimeFormatter full = formatter("stats.format.dayLong", locale);
		Scale scale = Scale.of(days);
		Svg svg = start(id, msg("stats.chart.daily.title", locale, headline),
				description("stats.chart.daily", days, full, locale), locale, scale);
		int count = days.size();
		double slot = (double) PLOT_WIDTH / Math.max(count, 1);
		double barWidth = slot * 0.7;
		svg.open("g", "class", "chart-labels chart-labels-x", "fill", "currentColor", "font-size", "12");
		for (int index = count - 1; index >= 0; index -= DAY_LABEL_EVERY) {
			svg.raw(Svg.element("text", tick.format(days.get(index).start()), "x",
					number(LEFT + slot * index + slot / 2), "y", number(TOP + PLOT_HEIGHT + 20), "text-anchor",
					anchor(LEFT + slot * index + slot / 2)));
		}
		svg.close("g");
		svg.open("g", "class", "chart-bars", "fill", "#0b3d91");
		for (int index = 0; index < count; index++) {
			ViewPoint day = days.get(index);
			double top = scale.y(day.views());
			svg.raw(Svg.wrap("rect",
					Svg.element("title",
							msg("stats.chart.point", locale, full.format(day.start()), count(day.views(), locale))),
					"class", "chart-bar", "x", number(LEFT + slot * index + (slot - barWidth) / 2), "y", number(top),
					"width", number(barWidth), "height", number(TOP + PLOT_HEIGHT - top)));
		}
		svg.close("g");
		axes(svg);
		return svg.end();
	}

	/**
	 * The SVG element, its title and description, and the horizontal gridlines with their
	 * labels.
	 */
	private Svg start(String id, String title, String description, Locale locale, Scale scale) {
		Svg svg = new Svg();
		svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "id", id, "class", "chart", "viewBox",
				"0 0 " + WIDTH + " " + HEIGHT, "width", number(WIDTH), "height", number(HEIGHT), "role", "img",
				"aria-labelledby", id + "-title", "aria-describedby", id + "-desc", "focusable", "false");
		svg.raw(Svg.element("title", title, "id", id + "-title"));
		svg.raw(Svg.element("desc", description, "id", id + "-desc"));
		svg.raw(Svg.element("text", msg("stats.chart.axis", locale), "class", "chart-axis-title", "x", number(LEFT),
				"y", number(TOP - 12), "fill", "currentColor", "font-size", "12", "text-anchor", "end"));
		svg.open("g", "class", "chart-grid chart-grid-y", "stroke", "#d6d6d2");
		StringBuilder labels = new StringBuilder();
		for (long value = scale.step(); value <= scale.max(); value += scale.step()) {
			String y = number(scale.y(value));
			svg.empty("line", "x1", number(LEFT), "y1", y, "x2", number(LEFT + PLOT_WIDTH), "y2", y);
		}
		for (long value = 0; value <= scale.max(); value += scale.step()) {
			labels.append(Svg.element("text", count(value, locale), "x", number(LEFT - 8), "y",
					number(scale.y(value) + 4), "text-anchor", "end"));
		}
		svg.close("g");
		svg.open("g", "class", "chart-labels chart-labels-y", "fill", "currentColor", "font-size", "12");
		svg.raw(labels.toString());
		svg.close("g");
		return svg;
	}

	/** The axes, drawn over the gridlines. */
	private static void axes(Svg svg) {
		svg.open("g", "class", "chart-axes", "stroke", "currentColor");
		svg.empty("line", "x1", number(LEFT), "y1", number(TOP), "x2", number(LEFT), "y2", number(TOP + PLOT_HEIGHT));
		svg.empty("line", "x1", number(LEFT), "y1", number(TOP + PLOT_HEIGHT), "x2", number(LEFT + PLOT_WIDTH), "y2",
				number(TOP + PLOT_HEIGHT));
		svg.close("g");
	}

	/** What the chart shows, its total and its peak, for screen readers. */
	private String description(String prefix, List<ViewPoint> points, DateTimeFormatter format, Locale locale) {
		if (points.isEmpty()) {
			return msg(prefix + ".none", locale, "", "");
		}
		String from = format.format(points.get(0).start());
		String to = format.format(points.get(points.size() - 1).start());
		long total = points.stream().mapToLong(ViewPoint::views).sum();
		if (total == 0) {
			return msg(prefix + ".none", locale, from, to);
		}
		ViewPoint peak = points.get(0);
		for (ViewPoint point : points) {
			if (point.views() > peak.views()) {
				peak = point;
			}
		}
		return msg(prefix + ".desc", locale, from, to, count(total, locale), format.format(peak.start()),
				count(peak.views(), locale));
	}

	/** Labels near the ends of the time axis stay inside the image. */
	private static String anchor(double x) {
		if (x < LEFT + 24) {
			return "start";
		}
		return (x > WIDTH - RIGHT - 8) ? "end" : "middle";
	}

	private static double x(int index, int count) {
		return (count > 1) ? LEFT + (double) PLOT_WIDTH * index / (count - 1) : LEFT + PLOT_WIDTH / 2.0;
	}

	private DateTimeFormatter formatter(String key, Locale locale) {
		return DateTimeFormatter.ofPattern(msg(key, locale), locale);
	}

	private String msg(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static String count(long value, Locale locale) {
		return NumberFormat.getIntegerInstance(locale).format(value);
	}

	/** A coordinate with at most one decimal, whatever the locale. */
	static String number(double value) {
		long tenths = Math.round(value * 10);
		return (tenths % 10 == 0) ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
	}

	/**
	 * The vertical scale: from 0 to a round maximum at or above the most views, in round
	 * steps.
	 */
	record Scale(long max, long step) {

		static Scale of(List<ViewPoint> points) {
			long most = points.stream().mapToLong(ViewPoint::views).max().orElse(0);
			long step = niceStep(Math.max(most, Y_STEPS) / (double) Y_STEPS);
			long max = Math.max(step, ((most + step - 1) / step) * step);
			return new Scale(max, step);
		}

		/** The smallest of 1, 2 or 5 times a power of ten at or above a step. */
		static long niceStep(double raw) {
			long power = 1;
			while (power * 10 <= raw) {
				power *= 10;
			}
			for (long factor : new long[] { 1, 2, 5, 10 }) {
				if (factor * power >= raw) {
					return factor * power;
				}
			}
			return 10 * power;
		}

		double y(long views) {
			return TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * Math.min(views, this.max) / this.max;
		}

	}

	/** Writes SVG markup, escaping every text and attribute value. */
	static final class Svg {

		private final StringBuilder out = new StringBuilder();

		void open(String name, String... attributes) {
			this.out.append('<').append(name);
			attributes(this.out, attributes);
			this.out.append('>');
		}

		void empty(String name, String... attributes) {
			this.out.append('<').append(name);
			attributes(this.out, attributes);
			this.out.append("/>");
		}

		void close(String name) {
			this.out.append("</").append(name).append('>');
		}

		void raw(String markup) {
			this.out.append(markup);
		}

		String end() {
			close("svg");
			return this.out.toString();
		}

		/** An element with a text inside, escaped. */
		static String element(String name, String text, String... attributes) {
			return wrap(name, escape(text), attributes);
		}

		/** An element around markup made by this class. */
		static String wrap(String name, String markup, String... attributes) {
			StringBuilder out = new StringBuilder().append('<').append(name);
			attributes(out, attributes);
			out.append('>').append(markup);
			return out.append("</").append(name).append('>').toString();
		}

		private static void attributes(StringBuilder out, String... attributes) {
			for (int index = 0; index + 1 < attributes.length; index += 2) {
				out.append(' ')
					.append(attributes[index])
					.append("=\"")
					.append(escape(attributes[index + 1]))
					.append('"');
			}
		}

		static String escape(String text) {
			StringBuilder escaped = new StringBuilder(text.length());
			for (int index = 0; index < text.length(); index++) {
				char c = text.charAt(index);
				switch (c) {
					case '&' -> escaped.append("&amp;");
					case '<' -> escaped.append("&lt;");
					case '>' -> escaped.append("&gt;");
					case '"' -> escaped.append("&quot;");
					case '\'' -> escaped.append("&#39;");
					default -> escaped.append(c);
				}
			}
			return escaped.toString();
		}

	}

}
