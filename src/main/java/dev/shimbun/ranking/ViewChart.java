package dev.shimbun.ranking;

import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lays out an article's views over time as a {@link Chart}, which the template draws as
 * an inline SVG: axes, horizontal gridlines labelled with numbers of views, vertical
 * gridlines labelled with times in the site's zone, and a line (hours) or bars (days).
 * The chart has a title and a description (what it shows, the total and the peak) for
 * screen readers; the page puts the same numbers in a table.
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

	/** Where the labels of the time axis stand. */
	private static final String LABEL_Y = number(TOP + PLOT_HEIGHT + 20);

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
	 * @param id the SVG's id, unique in the page
	 */
	Chart hourly(String id, String headline, List<ViewPoint> hours) {
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter tick = formatter("stats.format.hour", locale);
		DateTimeFormatter slot = formatter("stats.format.hourSlot", locale);
		Scale scale = Scale.of(hours);
		int count = hours.size();
		List<Chart.Line> gridX = new ArrayList<>();
		List<Chart.Label> labelsX = new ArrayList<>();
		StringBuilder points = new StringBuilder();
		for (int index = 0; index < count; index++) {
			ZonedDateTime start = hours.get(index).start();
			double x = x(index, count);
			if (start.getHour() == 0 && start.getMinute() == 0) {
				gridX.add(new Chart.Line(number(x), number(TOP), number(x), number(TOP + PLOT_HEIGHT)));
				labelsX.add(new Chart.Label(number(x), LABEL_Y, anchor(x), tick.format(start)));
			}
			if (index > 0) {
				points.append(' ');
			}
			points.append(number(x)).append(',').append(number(scale.y(hours.get(index).views())));
		}
		return new Chart(id, WIDTH, HEIGHT, msg("stats.chart.hourly.title", locale, headline),
				description("stats.chart.hourly", hours, slot, locale), axisTitle(locale), gridY(scale),
				labelsY(scale, locale), gridX, labelsX, axes(), points.toString(), List.of());
	}

	/**
	 * A bar of views per day, with every fifth day (counted back from the last) labelled
	 * with its date.
	 * @param id the SVG's id, unique in the page
	 */
	Chart daily(String id, String headline, List<ViewPoint> days) {
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter tick = formatter("stats.format.day", locale);
		DateTimeFormatter full = formatter("stats.format.dayLong", locale);
		Scale scale = Scale.of(days);
		int count = days.size();
		double slot = (double) PLOT_WIDTH / Math.max(count, 1);
		double barWidth = slot * 0.7;
		List<Chart.Label> labelsX = new ArrayList<>();
		for (int index = count - 1; index >= 0; index -= DAY_LABEL_EVERY) {
			double x = LEFT + slot * index + slot / 2;
			labelsX.add(new Chart.Label(number(x), LABEL_Y, anchor(x), tick.format(days.get(index).start())));
		}
		List<Chart.Bar> bars = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			ViewPoint day = days.get(index);
			double top = scale.y(day.views());
			bars.add(new Chart.Bar(number(LEFT + slot * index + (slot - barWidth) / 2), number(top), number(barWidth),
					number(TOP + PLOT_HEIGHT - top),
					msg("stats.chart.point", locale, full.format(day.start()), count(day.views(), locale))));
		}
		return new Chart(id, WIDTH, HEIGHT, msg("stats.chart.daily.title", locale, headline),
				description("stats.chart.daily", days, full, locale), axisTitle(locale), gridY(scale),
				labelsY(scale, locale), List.of(), labelsX, axes(), null, bars);
	}

	private Chart.Label axisTitle(Locale locale) {
		return new Chart.Label(number(LEFT), number(TOP - 12), "end", msg("stats.chart.axis", locale));
	}

	/** A horizontal gridline at each step above the baseline. */
	private static List<Chart.Line> gridY(Scale scale) {
		List<Chart.Line> lines = new ArrayList<>();
		for (long value = scale.step(); value <= scale.max(); value += scale.step()) {
			String y = number(scale.y(value));
			lines.add(new Chart.Line(number(LEFT), y, number(LEFT + PLOT_WIDTH), y));
		}
		return lines;
	}

	/** The number of views at the baseline and at each gridline. */
	private static List<Chart.Label> labelsY(Scale scale, Locale locale) {
		List<Chart.Label> labels = new ArrayList<>();
		for (long value = 0; value <= scale.max(); value += scale.step()) {
			labels.add(new Chart.Label(number(LEFT - 8), number(scale.y(value) + 4), "end", count(value, locale)));
		}
		return labels;
	}

	private static List<Chart.Line> axes() {
		return List.of(new Chart.Line(number(LEFT), number(TOP), number(LEFT), number(TOP + PLOT_HEIGHT)),
				new Chart.Line(number(LEFT), number(TOP + PLOT_HEIGHT), number(LEFT + PLOT_WIDTH),
						number(TOP + PLOT_HEIGHT)));
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

}
