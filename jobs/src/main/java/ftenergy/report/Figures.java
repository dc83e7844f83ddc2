package ftenergy.report;

import ftenergy.stats.RegressionFit;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders the report's figures with XChart, each as PNG (inlined into the HTML) and SVG.
 * Scatter figures show fine-tuning runs, one series per hardware and model, with the fitted line
 * of that group (single predictor, with intercept) drawn over them.
 */
public final class Figures {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final String FINETUNE = "finetune";
    /** One colour per hardware-model group, shared by its points and its fitted line. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
    };

    private Figures() {}

    /** Writes every figure the data supports into {@code dir}; figures without data are left out. */
    public static List<Figure> write(ReportData data, Path dir) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ReportException("cannot create figure directory " + dir + ": " + e.getMessage(), e);
        }
        List<Figure> figures = new ArrayList<>();
        scatter(data, "tokens_padded", "Tokens processed, including padding", "energy_vs_tokens",
                "Energy vs padded tokens (the paper's Figure 1)", dir, figures);
        scatter(data, "duration_s", "Wall time (s)", "energy_vs_time", "Energy vs wall time", dir, figures);
        scatter(data, "steps", "Optimisation steps", "energy_vs_steps", "Energy vs steps", dir, figures);
        scatter(data, "examples", "Examples processed", "energy_vs_examples", "Energy vs examples", dir, figures);
        metricVsCo2(data, dir, figures);
        amortization(data, dir, figures);
        return figures;
    }

    private static void scatter(ReportData data, String column, String axis, String name, String title, Path dir,
            List<Figure> figures) {
        Map<String, List<RunPoint>> series = new TreeMap<>();
        for (RunPoint p : data.points()) {
            if (p.kind().equals(FINETUNE) && p.energyKwh() > 0 && p.value(column) > 0) {
                series.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
            }
        }
        if (series.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(axis + " (log)")
                .yAxisTitle("Energy, kWh (log)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(7);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        List<String> equations = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<RunPoint>> entry : series.entrySet()) {
            List<RunPoint> points = entry.getValue();
            Color colour = PALETTE[index++ % PALETTE.length];
            chart.addSeries(entry.getKey() + " (" + points.size() + " runs)", points.stream().map(p -> p.value(column)).toList(),
                    points.stream().map(RunPoint::energyKwh).toList()).setMarkerColor(colour);
            RunPoint first = points.get(0);
            fit(data.fits(), column, first.hardware(), first.model()).ifPresent(fit -> {
                double lo = points.stream().mapToDouble(p -> p.value(column)).min().orElseThrow();
                double hi = points.stream().mapToDouble(p -> p.value(column)).max().orElseThrow();
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int i = 0; i <= 40; i++) {
                    double x = lo * Math.pow(hi / lo, i / 40.0);
                    double y = fit.predict(x);
                    if (y > 0) {
                        xs.add(x);
                        ys.add(y);
                    }
                }
                if (!xs.isEmpty()) {
                    XYSeries line = chart.addSeries("fit " + entry.getKey() + String.format(Locale.ROOT, " (R² %.3f)", fit.r2()), xs, ys);
                    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
                    line.setLineColor(colour);
                    equations.add(entry.getKey() + ": " + fit.equation());
                }
            });
        }
        String caption = "Fine-tuning runs (runs.kind = finetune, latest succeeded attempts): runs.energy_kwh against runs." + column
                + "; lines are the with-intercept OLS fits from table regressions"
                + (equations.isEmpty() ? "." : ": " + String.join("; ", equations) + ".");
        figures.add(save(chart, name, title, caption, dir));
    }

    private static Optional<RegressionFit> fit(List<RegressionFit> fits, String column, String hardware, String model) {
        return fits.stream().filter(f -> f.predictorSet().equals(column) && f.withIntercept() && f.kind().equals(FINETUNE)
                && f.hardware().equals(hardware) && f.model().equals(model)).findFirst();
    }

    private static void metricVsCo2(ReportData data, Path dir, List<Figure> figures) {
        if (data.curves().isEmpty()) {
            return;
        }
        String metric = data.curves().get(0).metricName();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(metric + " vs emissions during training (the paper's Figure 11)")
                .xAxisTitle("Emissions so far, g CO2e").yAxisTitle(metric).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE).setChartBackgroundColor(Color.WHITE);
        for (EvalCurve curve : data.curves()) {
            if (!curve.co2Grams().isEmpty()) {
                chart.addSeries(curve.label(), curve.co2Grams(), curve.metricValues());
            }
        }
        figures.add(save(chart, "metric_vs_co2", metric + " vs emissions during training",
                "Table evals (co2_kg_so_far × 1000, metric_value) of the " + data.curves().size()
                        + " analysable runs with the most evaluation points.", dir));
    }

    private static void amortization(ReportData data, Path dir, List<Figure> figures) {
        TableData table = data.amortization();
        List<String> categories = new ArrayList<>();
        List<Double> teacher = new ArrayList<>();
        List<Double> student = new ArrayList<>();
        List<String> nStarCategories = new ArrayList<>();
        List<Double> nStar = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> r = new TreeMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                r.put(table.columns().get(i), row.get(i));
            }
            String label = r.get("task") + " · " + r.get("hardware");
            long k = ((Number) r.get("inferences_per_model")).longValue();
            if (k == 0 && r.get("student_finetune_kwh") != null) {
                categories.add(label);
                teacher.add(((Number) r.get("teacher_finetune_kwh")).doubleValue());
                student.add(((Number) r.get("student_finetune_kwh")).doubleValue());
            }
            String withK = label + (k == 0 ? "" : String.format(Locale.ROOT, " +%,d inf.", k));
            if (r.get("n_star") != null) {
                nStarCategories.add(withK);
                nStar.add(((Number) r.get("n_star")).doubleValue());
            } else if ("never".equals(r.get("verdict"))) {
                never.add(withK);
            }
        }
        if (!categories.isEmpty()) {
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Fine-tuning energy, teacher vs student")
                    .xAxisTitle("Task · hardware").yAxisTitle("Mean energy per fine-tuning, kWh").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.addSeries("teacher", categories, teacher);
            chart.addSeries("student", categories, student);
            figures.add(save(chart, "finetune_teacher_vs_student", "Fine-tuning energy, teacher vs student",
                    "Table amortization (teacher_finetune_kwh, student_finetune_kwh; inferences_per_model = 0).", dir));
        }
        if (!nStar.isEmpty()) {
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Distillation amortization N*")
                    .xAxisTitle("Task · hardware (+ inferences per model)").yAxisTitle("Models until distillation pays off").build();
            // Linear axis: XChart's bar renderer starts bars at 0, which a logarithmic axis rejects.
            chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(false);
            chart.getStyler().setXAxisLabelRotation(20);
            chart.addSeries("N*", nStarCategories, nStar);
            figures.add(save(chart, "amortization_n_star", "Distillation amortization N*",
                    "Table amortization (n_star = distill_kwh / (teacher_per_model_kwh − student_per_model_kwh))."
                            + (never.isEmpty() ? "" : " Never amortizes (student not cheaper): " + String.join(", ", never) + "."),
                    dir));
        }
    }

    private static Figure save(Chart<?, ?> chart, String name, String title, String caption, Path dir) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new ReportException("cannot write figure " + png + ": " + e.getMessage(), e);
        }
        return new Figure(name, title, caption, png, svg);
    }
}
