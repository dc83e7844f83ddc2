package ftenergy.notebook;

import ftenergy.report.LogAxes;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * XChart figures drawn from a dataset's columns, at a size that keeps a stored notebook small.
 * Each returns the chart, so a notebook can style it further or draw more series over it (a fitted
 * line over the points) before displaying it.
 *
 * <pre>{@code
 * XYChart chart = DatasetCharts.scatter(runs, "tokens_padded", "energy_kwh", "hardware", "Energy vs padded tokens");
 * DatasetCharts.logarithmic(chart);
 * }</pre>
 */
public final class DatasetCharts {

    /** Pixels; a PNG of this size stays within a few tens of kilobytes. */
    public static final int WIDTH = 720;

    /** Pixels. */
    public static final int HEIGHT = 420;

    /** Roughly the width of a category label's character, pixels: wider labels than there is room for are slanted. */
    private static final int LABEL_CHARACTER_WIDTH = 7;

    private DatasetCharts() {}

    /**
     * Points of {@code y} against {@code x}, one series per distinct value of {@code series}, in
     * the order the rows come. Rows with a null {@code x} or {@code y} are left out.
     *
     * @throws IllegalArgumentException naming the chart when no row has both, or a column that holds no numbers
     */
    public static XYChart scatter(Dataset<Row> rows, String x, String y, String series, String title) {
        return xy(rows, x, y, series, title, XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /** {@link #scatter}, the points of each series joined by lines: order the rows by {@code x}. */
    public static XYChart lines(Dataset<Row> rows, String x, String y, String series, String title) {
        return xy(rows, x, y, series, title, XYSeries.XYSeriesRenderStyle.Line);
    }

    /**
     * Bars of each of the {@code values} columns per value of {@code category}, in the order the
     * rows come; a null value is drawn as no bar.
     *
     * @throws IllegalArgumentException naming the chart when there are no rows (XChart draws no empty bar chart)
     */
    public static CategoryChart bars(Dataset<Row> rows, String category, String title, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a bar chart of '" + category + "' needs at least one value column");
        }
        List<Row> collected = rows.select(category, values).collectAsList();
        if (collected.isEmpty()) {
            throw new IllegalArgumentException("no rows: no bars to draw for '" + title + "'");
        }
        List<String> categories = new ArrayList<>();
        for (Row row : collected) {
            categories.add(String.valueOf(row.get(0)));
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(category)
                .yAxisTitle(values.length == 1 ? values[0] : "").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(values.length > 1);
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        chart.getStyler().setXAxisLabelRotation(categories.size() * longest * LABEL_CHARACTER_WIDTH > WIDTH * 0.85 ? 30 : 0);
        for (int v = 0; v < values.length; v++) {
            List<Double> heights = new ArrayList<>();
            for (Row row : collected) {
                heights.add(row.isNullAt(v + 1) ? null : number(row, v + 1, values[v]));
            }
            chart.addSeries(values[v], categories, heights);
        }
        return chart;
    }

    /**
     * Makes both axes of {@code chart} logarithmic, labelled as the report labels them ({@link LogAxes}),
     * for the data of every series drawn so far (all of it positive).
     */
    public static void logarithmic(XYChart chart) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double x : series.getXData()) {
                xs.add(x);
            }
            for (double y : series.getYData()) {
                ys.add(y);
            }
        }
        LogAxes.apply(chart, xs, ys);
    }

    private static XYChart xy(Dataset<Row> rows, String x, String y, String series, String title, XYSeries.XYSeriesRenderStyle style) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (Row row : rows.select(series, x, y).collectAsList()) {
            if (!row.isNullAt(1) && !row.isNullAt(2)) {
                points.computeIfAbsent(String.valueOf(row.get(0)), k -> new ArrayList<>())
                        .add(new double[] {number(row, 1, x), number(row, 2, y)});
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no row has both '" + x + "' and '" + y + "': nothing to plot for '" + title + "'");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        style(chart.getStyler());
        // Points of energy figures rise to the right, and evaluation curves flatten there: their legends go where the data is not.
        chart.getStyler().setDefaultSeriesRenderStyle(style).setMarkerSize(6).setLegendPosition(
                style == XYSeries.XYSeriesRenderStyle.Line ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNW);
        for (Map.Entry<String, List<double[]>> entry : points.entrySet()) {
            List<Double> xs = entry.getValue().stream().map(p -> p[0]).toList();
            List<Double> ys = entry.getValue().stream().map(p -> p[1]).toList();
            chart.addSeries(entry.getKey() + " (" + xs.size() + ")", xs, ys);
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
    }

    private static double number(Row row, int index, String column) {
        Object value = row.get(index);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("column '" + column + "' holds " + value.getClass().getSimpleName() + " values, not numbers");
        }
        return number.doubleValue();
    }
}
