package dev.shimbun.ranking;

import java.util.List;

/**
 * A chart of views, laid out and ready to draw as an SVG image by the template
 * {@code admin/stats/_chart.html}: every coordinate is computed and written with at most
 * one decimal, every text is final (the template escapes it). Public, as templates read
 * only public types.
 *
 * @param id the SVG's id, unique in the page; its title and description have ids made
 * from it
 * @param title what the chart is, for screen readers
 * @param description what it shows, its total and its peak, for screen readers
 * @param axisTitle the name of the vertical axis
 * @param gridY the horizontal gridlines
 * @param labelsY the numbers of views along the vertical axis
 * @param gridX the vertical gridlines (line charts only)
 * @param labelsX the times along the horizontal axis
 * @param axes the two axes, drawn over the gridlines
 * @param line the points of the line, {@code x,y} apart by spaces; {@code null} in a bar
 * chart
 * @param bars the bars, each with its own title; empty in a line chart
 */
public record Chart(String id, int width, int height, String title, String description, Label axisTitle,
		List<Line> gridY, List<Label> labelsY, List<Line> gridX, List<Label> labelsX, List<Line> axes, String line,
		List<Bar> bars) {

	/** The SVG's {@code viewBox}. */
	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	/** A straight line from one point to another. */
	public record Line(String x1, String y1, String x2, String y2) {

	}

	/** A text at a point, anchored at its start, middle or end. */
	public record Label(String x, String y, String anchor, String text) {

	}

	/** A bar and what it stands for. */
	public record Bar(String x, String y, String width, String height, String title) {

	}

}
