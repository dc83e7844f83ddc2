package ftenergy.report;

import ftenergy.meter.EnergyUnit;
import ftenergy.stats.Coefficient;
import ftenergy.stats.RegressionFit;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the report as one self-contained HTML page: styles inline, figures as base64 PNG, no
 * scripts and no external requests, so it can be mailed or archived as a single file. Every table
 * and figure names the lakehouse table and columns it came from.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:1150px;color:#1d2733;background:#fff;line-height:1.45}
            h1{color:#0b4f6c;border-bottom:3px solid #0b4f6c;padding-bottom:.2em}
            h2{color:#0b4f6c;margin-top:1.8em;border-bottom:1px solid #c9d6df}
            table{border-collapse:collapse;margin:.6em 0;font-size:12px;width:100%}
            .wide{overflow-x:auto}
            th{background:#0b4f6c;color:#fff;text-align:left;padding:4px 6px}
            td{border-bottom:1px solid #dde5eb;padding:3px 6px;vertical-align:top}
            tr:nth-child(even) td{background:#f3f7fa}
            .meta{color:#55606b;font-size:13px}
            .source{color:#55606b;font-size:12px;font-style:italic}
            figure{margin:1.2em 0;border:1px solid #dde5eb;padding:.6em;background:#fafcfd}
            figure img{max-width:100%;height:auto}
            figcaption{font-size:12px;color:#33404d}
            code{background:#eef3f6;padding:0 3px}
            li{margin:.25em 0}
            """;

    private HtmlReport() {}

    /** The complete page. */
    public static String render(ReportData data, List<Figure> figures) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ftenergy report</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Energy and carbon of fine-tuning: ftenergy report</h1>\n");
        html.append("<p class=\"meta\">Lakehouse <code>").append(escape(data.lakehouse())).append("</code>, read ")
                .append(escape(data.generatedAt().toString())).append(". ").append(data.analysableRuns())
                .append(" analysable runs (latest attempt of each run, succeeded) out of ").append(data.runRows())
                .append(" rows of <code>runs</code>. Sweeps: ").append(escape(String.join(", ", data.sweepIds())))
                .append(". Code versions: ").append(escape(String.join(", ", data.codeVersions()))).append(".</p>\n");
        findings(html, data);
        html.append("<h2>Figures</h2>\n");
        if (figures.isEmpty()) {
            html.append("<p>No figure: the lakehouse has no analysable fine-tuning runs or evaluations yet.</p>\n");
        }
        for (Figure f : figures) {
            html.append("<figure><h3>").append(escape(f.title())).append("</h3><img alt=\"").append(escape(f.title()))
                    .append("\" src=\"data:image/png;base64,").append(base64(f)).append("\"><figcaption>").append(escape(f.caption()))
                    .append(" SVG: <code>").append(escape(f.svg().getFileName().toString())).append("</code>.</figcaption></figure>\n");
        }
        regressions(html, data.fits());
        table(html, data.rates(), "J = runs.energy_kwh × 3.6e6; each rate is the mean over runs of the per-run ratio "
                + "(energy / steps, / tokens_padded, / tokens_real, / examples, / duration_s); cv = standard deviation / mean across runs.");
        table(html, data.amortization(), "pretrain_equivalence = pretrain_kwh / teacher_finetune_kwh; distill_overhead_pct = "
                + "100 × distill_kwh / pretrain_kwh; n_star = distill_kwh / (teacher_per_model_kwh − student_per_model_kwh), where "
                + "per-model energy = mean fine-tuning kWh + inferences_per_model × J/example / 3.6e6 (J/example: an inference run's "
                + "energy_kwh less its energy_setup_kwh, loading the model, over its examples); teacher and student sides "
                + "follow runs.init = run:&lt;id&gt; lineage (pre-training → teacher, distillation → student).");
        provenance(html, data);
        caveats(html, data);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void findings(StringBuilder html, ReportData data) {
        html.append("<h2>Findings</h2>\n<ul>\n");
        Map<String, List<Double>> r2ByPredictor = new TreeMap<>();
        for (RegressionFit f : data.fits()) {
            if (f.kind().equals("finetune") && f.withIntercept()) {
                r2ByPredictor.computeIfAbsent(f.predictorSet(), k -> new ArrayList<>()).add(f.r2());
            }
        }
        if (!r2ByPredictor.isEmpty()) {
            List<String> parts = new ArrayList<>();
            r2ByPredictor.forEach((set, r2) -> parts.add(set + " " + fmt(r2.stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
            html.append("<li>Mean R² of fine-tuning energy over hardware/model groups, by predictor (with intercept): ")
                    .append(escape(String.join("; ", parts))).append(". <span class=\"source\">(table regressions)</span></li>\n");
        }
        for (RegressionFit f : data.fits()) {
            if (f.predictorSet().equals("tokens_padded") && f.withIntercept()) {
                html.append("<li>").append(escape(f.describe())).append("; that is ")
                        .append(fmt(EnergyUnit.kwhToJoules(f.coefficient("tokens_padded").estimate()))).append(" J per padded token.</li>\n");
            }
        }
        TableData a = data.amortization();
        for (List<Object> row : a.rows()) {
            Map<String, Object> r = asMap(a, row);
            if (((Number) r.get("inferences_per_model")).longValue() != 0) {
                continue;
            }
            html.append("<li>On ").append(escape(String.valueOf(r.get("hardware")))).append(", task ")
                    .append(escape(String.valueOf(r.get("task")))).append(": pre-training ").append(escape(String.valueOf(r.get("pretrain_run_id"))))
                    .append(" (").append(fmt(r.get("pretrain_kwh"))).append(" kWh) = ").append(fmt(r.get("pretrain_equivalence")))
                    .append(" fine-tunings");
            if (r.get("distill_run_id") != null && !r.get("distill_run_id").toString().isEmpty()) {
                html.append("; distillation adds ").append(fmt(r.get("distill_overhead_pct"))).append("% of pre-training; the student fine-tunes with ")
                        .append(fmt(r.get("finetune_saving_pct"))).append("% less energy; distillation pays for itself ")
                        .append(escape(String.valueOf(r.get("verdict"))));
            }
            html.append(". <span class=\"source\">(table amortization)</span></li>\n");
        }
        html.append("</ul>\n");
    }

    private static void regressions(StringBuilder html, List<RegressionFit> fits) {
        html.append("<h2>Regressions of energy on work and time</h2>\n<table><tr><th>hardware</th><th>kind</th><th>model</th>"
                + "<th>fitted equation (kWh)</th><th>coefficients: estimate ± std error (p)</th><th>R²</th><th>runs</th>"
                + "<th>held-out MAPE %</th><th>sweeps</th></tr>\n");
        for (RegressionFit f : fits) {
            List<String> terms = new ArrayList<>();
            for (Coefficient c : f.coefficients()) {
                terms.add(c.name() + ": " + fmt(c.estimate()) + " ± " + fmt(c.standardError()) + " (p " + pValue(c.pValue()) + ")");
            }
            html.append("<tr><td>").append(escape(f.hardware())).append("</td><td>").append(escape(f.kind())).append("</td><td>")
                    .append(escape(f.model())).append("</td><td>").append(escape(f.equation())).append("</td><td>")
                    .append(escape(String.join("; ", terms))).append("</td><td>").append(fmt(f.r2())).append("</td><td>")
                    .append(f.rows()).append("</td><td>").append(fmt(f.heldOutMapePercent())).append("</td><td>")
                    .append(escape(String.join(", ", f.sweepIds()))).append("</td></tr>\n");
        }
        html.append("</table>\n<p class=\"source\">Source: table regressions. Ordinary least squares by Spark MLlib (normal equations) "
                + "of runs.energy_kwh on each predictor set, per hardware, kind and model; without intercept the line goes through 0 "
                + "and R² is uncentred. Held-out MAPE is exact leave-one-out cross-validation (each run predicted by the fit on the others).</p>\n");
    }

    private static void provenance(StringBuilder html, ReportData data) {
        html.append("<h2>How every number was measured</h2>\n");
        html.append("<p>Energy is the in-process meter's reading for each run (runs.energy_kwh = cpu + gpu + ram), each component "
                + "labelled with its source: <code>measured-rapl</code> (Intel/AMD RAPL energy counters), <code>measured-nvml</code> "
                + "(NVIDIA NVML energy counter), <code>estimated-nvml-power</code> (NVML power samples integrated over time), "
                + "<code>estimated-tdp</code> (CPU thermal design power × utilisation), <code>estimated-ram</code> (watts per GB), "
                + "<code>absent</code>. Wall energy = software energy × the host's wall coefficient (wall-meter reading / software "
                + "reading); CO2e (kg) = wall kWh × PUE × grid intensity (g/kWh) / 1000.</p>\n");
        table(html, data.provenance(), "Every analysable run counted once, by its meter sources, grid factor and PUE.");
    }

    private static void caveats(StringBuilder html, ReportData data) {
        html.append("<h2>Caveats</h2>\n<ul>\n");
        TableData p = data.provenance();
        long estimated = 0;
        long wallMeasured = 0;
        for (List<Object> row : p.rows()) {
            Map<String, Object> r = asMap(p, row);
            long runs = ((Number) r.get("runs")).longValue();
            String sources = r.get("cpu_source") + " " + r.get("gpu_source") + " " + r.get("ram_source");
            if (sources.contains("estimated")) {
                estimated += runs;
            }
            if (r.get("wall_coefficient_max") != null && ((Number) r.get("wall_coefficient_max")).doubleValue() != 1.0) {
                wallMeasured += runs;
            }
        }
        if (estimated > 0) {
            html.append("<li>").append(estimated).append(" of ").append(data.analysableRuns())
                    .append(" runs include at least one estimated component (see the table above); estimated energies follow "
                            + "the model's assumptions, not a counter.</li>\n");
        }
        if (wallMeasured == 0) {
            html.append("<li>No run carries a wall coefficient other than 1: wall energy equals the software reading, "
                    + "which misses power supply losses and idle components (the paper measured 1.05–1.09).</li>\n");
        }
        long small = data.fits().stream().filter(f -> f.rows() < 10).count();
        if (small > 0) {
            html.append("<li>").append(small).append(" fits use fewer than 10 runs: their standard errors and MAPE are rough.</li>\n");
        }
        html.append("<li>p-values and prediction intervals assume independent, normally distributed errors of constant variance; "
                + "runs of one sweep share a host and may violate this.</li>\n");
        html.append("<li>Regressions and amortization use the software reading runs.energy_kwh; ratios are unaffected by a "
                + "per-host wall coefficient only when compared runs share the host.</li>\n");
        html.append("<li>Amortization compares fine-tuning runs on the same hardware; the pre-training and distillation runs may "
                + "have run elsewhere (pretrain_hardware), and their energy enters as measured there.</li>\n");
        html.append("<li>Metric-vs-emissions curves use the cumulative values recorded at each evaluation (table evals).</li>\n");
        html.append("</ul>\n");
    }

    private static void table(StringBuilder html, TableData table, String formulas) {
        html.append("<h2>").append(escape(table.caption())).append("</h2>\n<div class=\"wide\"><table><tr>");
        for (String column : table.columns()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr>\n");
        for (List<Object> row : table.rows()) {
            html.append("<tr>");
            for (Object cell : row) {
                html.append("<td>").append(escape(cell(cell))).append("</td>");
            }
            html.append("</tr>\n");
        }
        if (table.rows().isEmpty()) {
            html.append("<tr><td colspan=\"").append(table.columns().size()).append("\">no rows</td></tr>\n");
        }
        html.append("</table></div>\n<p class=\"source\">Source: table ").append(escape(table.source())).append(". ").append(formulas)
                .append("</p>\n");
    }

    /** MLlib reports p-values below double precision as 0; say so instead of printing an impossible 0. */
    private static String pValue(double p) {
        return p < 1e-16 ? "<1e-16" : fmt(p);
    }

    private static Map<String, Object> asMap(TableData table, List<Object> row) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            map.put(table.columns().get(i), row.get(i));
        }
        return map;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double || value instanceof Float) {
            return fmt(((Number) value).doubleValue());
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return seq.mkString(", ");
        }
        return String.valueOf(value);
    }

    private static String fmt(Object value) {
        return value == null ? "—" : fmt(((Number) value).doubleValue());
    }

    /** Three significant digits; plain notation between 0.001 and 1e6. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String base64(Figure f) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(f.png()));
        } catch (IOException e) {
            throw new ReportException("cannot read figure " + f.png() + ": " + e.getMessage(), e);
        }
    }
}
