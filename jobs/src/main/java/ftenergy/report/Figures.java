package ftenergy.report;

import ftenergy.amortization.AmortizationRow;
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
 * of that group (whole-run energy, single predictor, with intercept) drawn over them, on
 * logarithmic axes that carry numbers ({@link LogAxes}). Metric-vs-emissions figures plot task
 * metrics only, one figure per metric.
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
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW).setMarkerSize(7);
        List<Double> allX = new ArrayList<>();
        List<Double> allY = new ArrayList<>();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        List<String> equations = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<RunPoint>> entry : series.entrySet()) {
            List<RunPoint> points = entry.getValue();
            Color colour = PALETTE[index++ % PALETTE.length];
            chart.addSeries(entry.getKey() + " (" + points.size() + " runs)", points.stream().map(p -> p.value(column)).toList(),
                    points.stream().map(RunPoint::energyKwh).toList()).setMarkerColor(colour);
            points.forEach(p -> {
                allX.add(p.value(column));
                allY.add(p.energyKwh());
            });
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
                    allX.addAll(xs);
                    allY.addAll(ys);
                    XYSeries line = chart.addSeries("fit " + entry.getKey() + String.format(Locale.ROOT, " (R² %.3f)", fit.r2()), xs, ys);
                    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
                    line.setLineColor(colour);
                    equations.add(entry.getKey() + ": " + fit.equation());
                }
            });
        }
        LogAxes.apply(chart, allX, allY);
        String caption = "Fine-tuning runs (runs.kind = finetune, latest succeeded attempts): runs.energy_kwh against runs." + column
                + "; lines are the with-intercept OLS fits of the whole run's energy from table regressions"
                + (equations.isEmpty() ? "." : ": " + String.join("; ", equations) + ".");
        figures.add(save(chart, name, title, caption, dir));
    }

    private static Optional<RegressionFit> fit(List<RegressionFit> fits, String column, String hardware, String model) {
        return fits.stream().filter(f -> f.predictorSet().equals(column) && f.withIntercept() && f.kind().equals(FINETUNE)
                && f.response().equals("energy_kwh") && f.hardware().equals(hardware) && f.model().equals(model)).findFirst();
    }

    /** One panel per task metric: each run's metric against its emissions so far, in training order. */
    private static void metricVsCo2(ReportData data, Path dir, List<Figure> figures) {
        Map<String, List<EvalCurve>> byMetric = new TreeMap<>();
        for (EvalCurve curve : data.curves()) {
            if (!curve.co2Grams().isEmpty()) {
                byMetric.computeIfAbsent(curve.metricName(), k -> new ArrayList<>()).add(curve);
            }
        }
        for (Map.Entry<String, List<EvalCurve>> panel : byMetric.entrySet()) {
            String metric = panel.getKey();
            String title = metric + " vs emissions during fine-tuning (the paper's Figure 11)";
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle("Emissions so far, g CO2e").yAxisTitle(metric).build();
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE).setChartBackgroundColor(Color.WHITE);
            for (EvalCurve curve : panel.getValue()) {
                chart.addSeries(curve.label(), curve.co2Grams(), curve.metricValues());
            }
            figures.add(save(chart, "metric_vs_co2_" + metric, metric + " vs emissions during fine-tuning",
                    "Table evals (co2_kg_so_far × 1000, metric_value where metric_name = " + metric + ") of the "
                            + panel.getValue().size() + " analysable fine-tuning runs with the most evaluations, each in step"
                            + " order.", dir));
        }
    }

    private static void amortization(ReportData data, Path dir, List<Figure> figures) {
        List<String> categories = new ArrayList<>();
        List<Double> teacher = new ArrayList<>();
        List<Double> student = new ArrayList<>();
        List<String> nStarCategories = new ArrayList<>();
        List<Double> nStar = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (AmortizationRow r : data.amortization()) {
            if (r.distillRunId() == null || !onReferenceBatch(data.amortization(), r)) {
                continue;
            }
            String label = r.task() + " · " + r.hardware();
            long k = r.inferencesPerModel();
            if (k == 0 && r.studentFinetuneRuns() > 0) {
                categories.add(label);
                teacher.add(r.teacherFinetuneKwh());
                student.add(r.studentFinetuneKwh());
            }
            String withK = label + (k == 0 ? "" : String.format(Locale.ROOT, " +%,d inf. (batch %d)", k, r.inferenceBatchSize()));
            if (r.amortizes()) {
                nStarCategories.add(withK);
                nStar.add(r.nStar());
            } else if ("never".equals(r.verdict())) {
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
                    .xAxisTitle("Task · hardware (+ inferences per model, inference batch size)")
                    .yAxisTitle("Models until distillation pays off").build();
            // Linear axis: XChart's bar renderer starts bars at 0, which a logarithmic axis rejects.
            chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(false);
            chart.getStyler().setXAxisLabelRotation(20);
            chart.addSeries("N*", nStarCategories, nStar);
            figures.add(save(chart, "amortization_n_star", "Distillation amortization N*",
                    "Table amortization (n_star = distill_kwh / (teacher_per_model_kwh − student_per_model_kwh)); inferences"
                            + " counted at batch size 1 where measured, else the smallest batch size measured."
                            + (never.isEmpty() ? "" : " Never amortizes (student not cheaper): " + String.join(", ", never) + "."),
                    dir));
        }
    }

    /** Whether {@code row} counts no inference, or counts it at the report's batch size for its lineage, hardware and task. */
    private static boolean onReferenceBatch(List<AmortizationRow> rows, AmortizationRow row) {
        if (row.inferencesPerModel() == 0) {
            return true;
        }
        List<Integer> sizes = rows.stream().filter(r -> r.inferencesPerModel() > 0 && r.pretrainRunId().equals(row.pretrainRunId())
                && java.util.Objects.equals(r.distillRunId(), row.distillRunId()) && r.hardware().equals(row.hardware())
                && r.task().equals(row.task())).map(AmortizationRow::inferenceBatchSize).toList();
        return row.inferenceBatchSize() == InferenceSpread.referenceBatch(sizes);
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
