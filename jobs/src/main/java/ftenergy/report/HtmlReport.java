package ftenergy.report;

import ftenergy.amortization.AmortizationRow;
import ftenergy.analyze.Response;
import ftenergy.stats.Coefficient;
import ftenergy.stats.EnergyRate;
import ftenergy.stats.RegressionFit;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the report as one self-contained HTML page: styles inline, figures as base64 PNG, no
 * scripts and no external requests, so it can be mailed or archived as a single file. It opens with
 * the paper's claims checked on the data, then the paper's tables remade from it; every table and
 * figure names the lakehouse table and columns it came from.
 */
public final class HtmlReport {

    /** What inference energy per example means wherever the report shows it. */
    static final String JOULES_PER_EXAMPLE = "Inference energy per example (J/example) is the same quantity in every table and"
            + " figure of this report, as in runs, energy_rates, amortization and `ftenergy infer`: the energy of the batches'"
            + " own meter window (runs.energy_kwh − energy_setup_kwh: loading the model is left out) over every example those"
            + " batches predicted (runs.examples, passes repeated to span 10 meter samples included).";

    private static final String STYLE = """
            body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:1150px;color:#1d2733;background:#fff;line-height:1.45}
            h1{color:#0b4f6c;border-bottom:3px solid #0b4f6c;padding-bottom:.2em}
            h2{color:#0b4f6c;margin-top:1.8em;border-bottom:1px solid #c9d6df}
            h3{color:#0b4f6c;margin-bottom:.2em}
            table{border-collapse:collapse;margin:.6em 0;font-size:12px;width:100%}
            .wide{overflow-x:auto}
            th{background:#0b4f6c;color:#fff;text-align:left;padding:4px 6px}
            td{border-bottom:1px solid #dde5eb;padding:3px 6px;vertical-align:top}
            tr:nth-child(even) td{background:#f3f7fa}
            .meta{color:#55606b;font-size:13px}
            .source{color:#55606b;font-size:12px;font-style:italic}
            .verdict{display:inline-block;min-width:7.5em;text-align:center;font-weight:bold;border-radius:3px;padding:0 .4em;color:#fff}
            .holds{background:#2b7a3d}
            .does-not-hold{background:#b3261e}
            .cannot-decide{background:#6b7580}
            figure{margin:1.2em 0;border:1px solid #dde5eb;padding:.6em;background:#fafcfd}
            figure img{max-width:100%;height:auto}
            figcaption{font-size:12px;color:#33404d}
            code{background:#eef3f6;padding:0 3px}
            li{margin:.4em 0}
            """;

    private HtmlReport() {}

    /** The complete page. */
    public static String render(ReportData data, List<Figure> figures) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ftenergy report</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Energy and carbon of fine-tuning: ftenergy report</h1>\n");
        html.append("<p class=\"meta\">Lakehouse <code>").append(escape(data.lakehouse())).append("</code>, read ")
                .append(escape(data.generatedAt().toString())).append(". Analysis of sweeps <code>").append(escape(data.scope()))
                .append("</code>: ").append(data.analysableRuns())
                .append(" analysable runs (latest attempt of each run, succeeded) out of ").append(data.runRows())
                .append(" rows of <code>runs</code>. Sweeps: ").append(escape(String.join(", ", data.sweepIds())))
                .append(". Code versions: ").append(escape(String.join(", ", data.codeVersions()))).append(".</p>\n");
        html.append("<p class=\"meta\">").append(escape(JOULES_PER_EXAMPLE)).append("</p>\n");
        findings(html, data.claims());
        html.append("<h2>The paper's tables, from these runs</h2>\n");
        PaperTables.tasks(data.tasks()).render(html);
        PaperTables.costs(data.costs()).render(html);
        PaperTables.teacherStudent(data.amortization()).render(html);
        PaperTables.inferenceAcrossTasks(data.spreads()).render(html);
        PaperTables.padding(data.padding()).render(html);
        PaperTables.devices(data.devices()).render(html);
        html.append("<h2>Figures</h2>\n");
        if (figures.isEmpty()) {
            html.append("<p>No figure: the lakehouse has no analysable fine-tuning runs or evaluations yet.</p>\n");
        }
        for (Figure f : figures) {
            html.append("<figure><h3>").append(escape(f.title())).append("</h3><img alt=\"").append(escape(f.title()))
                    .append("\" src=\"data:image/png;base64,").append(base64(f)).append("\"><figcaption>").append(escape(f.caption()))
                    .append(" SVG: <code>").append(escape(f.svg().getFileName().toString())).append("</code>.</figcaption></figure>\n");
        }
        html.append("<h2>Regressions of energy on work and time</h2>\n");
        for (Response response : Response.values()) {
            regressions(data.fits(), response).render(html);
        }
        rates(data.rates()).render(html);
        amortization(data.amortization()).render(html);
        provenance(html, data);
        spending(html, data);
        caveats(html, data);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void findings(StringBuilder html, List<Claim> claims) {
        html.append("<h2>Findings: the paper's claims on these runs</h2>\n<ul>\n");
        for (Claim c : claims) {
            html.append("<li><span class=\"verdict ").append(c.verdict().label().replace(' ', '-')).append("\">")
                    .append(escape(c.verdict().label())).append("</span> <b>").append(escape(c.statement())).append("</b> Paper: ")
                    .append(escape(c.paper())).append(" Here: ").append(escape(c.evidence())).append(". <span class=\"source\">(")
                    .append(escape(c.source())).append(")</span></li>\n");
        }
        html.append("</ul>\n<p class=\"source\">A claim holds when every group the data allows agrees with it, does not hold when"
                + " one does not, and cannot be decided when no group has enough runs or tasks. A good linear fit is R² ≥ "
                + Format.number(Findings.GOOD_FIT_R2) + ".</p>\n");
    }

    private static HtmlTable regressions(List<RegressionFit> fits, Response response) {
        List<List<String>> rows = new ArrayList<>();
        for (RegressionFit f : fits) {
            if (!f.response().equals(response.column())) {
                continue;
            }
            List<String> terms = new ArrayList<>();
            for (Coefficient c : f.coefficients()) {
                terms.add(c.name() + ": " + Format.number(c.estimate()) + " ± " + Format.number(c.standardError()) + " (p "
                        + pValue(c.pValue()) + ")");
            }
            rows.add(List.of(f.hardware(), f.kind(), f.model(), f.batchSize() == 0 ? "all" : String.valueOf(f.batchSize()),
                    f.equation(), String.join("; ", terms), Format.number(f.r2()), String.valueOf(f.rows()),
                    Format.number(f.heldOutMapePercent()), String.join(", ", f.sweepIds())));
        }
        String what = response == Response.WHOLE_RUN
                ? "The whole run (" + response.column() + "): everything the run's meter window saw, loading, training loop,"
                        + " evaluations and checkpoints: the paper's view."
                : "The training loop alone (" + response.column() + "): the optimisation steps (inference: the batches), without"
                        + " setup, evaluation and checkpoints.";
        return new HtmlTable("Response: " + response.label() + " (" + response.column() + ")", List.of("hardware", "kind", "model",
                "batch", "fitted equation (kWh)", "coefficients: estimate ± std error (p)", "R²", "runs", "held-out MAPE %",
                "sweeps"), rows,
                what + " Source: table regressions. Ordinary least squares by Spark MLlib (normal equations) of runs."
                        + response.column() + " on each predictor set, per hardware, kind and model, and per batch size for"
                        + " inference (\"all\": training runs pool batch sizes); without intercept the line goes through 0 and R²"
                        + " is uncentred. Held-out MAPE is exact leave-one-out cross-validation.",
                "No group had enough runs with " + response.column() + " to fit.");
    }

    private static HtmlTable rates(List<EnergyRate> rates) {
        List<List<String>> rows = new ArrayList<>();
        for (EnergyRate r : rates) {
            rows.add(List.of(r.hardware(), r.kind(), r.model(), r.task(), String.valueOf(r.batchSize()), String.valueOf(r.runs()),
                    Format.number(r.energyKwhMean()) + " (" + Format.number(r.energyKwhCv()) + ")",
                    Format.number(r.joulesPerStepMean()), Format.number(r.joulesPerPaddedTokenMean()),
                    Format.number(r.joulesPerRealTokenMean()),
                    Format.number(r.joulesPerExampleMean()) + " (" + Format.number(r.joulesPerExampleCv()) + ")",
                    Format.number(r.wattsMean())));
        }
        return new HtmlTable("Energy per step, per token and per example", List.of("hardware", "kind", "model", "task", "batch",
                "runs", "kWh per run (cv)", "J/step", "J/padded token", "J/real token", "J/example (cv)", "W"), rows,
                "Source: table energy_rates, one row per hardware, kind, model, task and batch size (never pooled). J = kWh ×"
                        + " 3.6e6 of a training run's energy_kwh, or of an inference run's batches (energy_kwh − energy_setup_kwh);"
                        + " each rate is the mean over runs of the per-run ratio; cv = standard deviation / mean across runs.",
                "No rates.");
    }

    private static HtmlTable amortization(List<AmortizationRow> amortization) {
        List<List<String>> rows = new ArrayList<>();
        for (AmortizationRow r : amortization) {
            rows.add(List.of(r.pretrainRunId(), r.distillRunId() == null ? "" : r.distillRunId(), r.hardware(), r.task(),
                    Format.count(r.inferencesPerModel()), r.inferencesPerModel() == 0 ? "—" : String.valueOf(r.inferenceBatchSize()),
                    r.teacherModel(), String.valueOf(r.studentModel()), Format.number(r.pretrainKwh()), r.pretrainHardware(),
                    Format.number(r.distillKwh()), r.sameHardware() ? "yes" : "no", Format.percent(r.distillOverheadPercent()),
                    r.teacherFinetuneRuns() + " × " + Format.number(r.teacherFinetuneKwh()),
                    r.studentFinetuneRuns() + " × " + Format.number(r.studentFinetuneKwh()), Format.percent(r.finetuneSavingPercent()),
                    Format.number(r.pretrainEquivalence()), Format.number(r.teacherInferenceJoulesPerExample()),
                    Format.number(r.studentInferenceJoulesPerExample()), Format.number(r.nStar()), r.verdict(),
                    Format.number(r.inferenceCvAcrossTasks()), Format.number(r.finetuneCvAcrossTasks())));
        }
        return new HtmlTable("Pre-training equivalence, distillation overhead and amortization", List.of("pretrain_run_id",
                "distill_run_id", "hardware", "task", "inferences per model", "inference batch", "teacher", "student",
                "pretrain kWh", "pretrain hardware", "distill kWh", "same hardware", "distill overhead", "teacher fine-tunes × kWh",
                "student fine-tunes × kWh", "saving", "pretrain equivalence", "teacher J/example", "student J/example", "N*",
                "verdict", "CV inference across tasks", "CV fine-tuning across tasks"), rows,
                "Source: table amortization. pretrain_equivalence = pretrain_kwh / teacher_finetune_kwh; distill overhead = 100 ×"
                        + " distill_kwh / pretrain_kwh; N* = distill_kwh / (teacher_per_model_kwh − student_per_model_kwh), where"
                        + " per-model energy = mean fine-tuning kWh + inferences per model × J/example / 3.6e6 at the row's"
                        + " inference batch size, the same on both sides; teacher and student sides follow runs.init = run:<id>"
                        + " lineage (pre-training → teacher, distillation → student). same hardware no: the pre-training or"
                        + " distillation ran on other hardware than the fine-tunes and inferences of the row.",
                "No fine-tuning runs descend from a measured pre-training.");
    }

    private static void provenance(StringBuilder html, ReportData data) {
        html.append("<h2>How every number was measured</h2>\n");
        html.append("<p>Energy is the in-process meter's reading for each run (runs.energy_kwh = cpu + gpu + ram), each component "
                + "labelled with its source: <code>measured-rapl</code> (Intel/AMD RAPL energy counters), <code>measured-nvml</code> "
                + "(NVIDIA NVML energy counter), <code>estimated-nvml-power</code> (NVML power samples integrated over time), "
                + "<code>estimated-tdp</code> (a TDP model: host CPU power = TDP × (idle + (1 − idle) × busy fraction), shared among busy "
                + "processes by CPU time, as RAPL's energy is), <code>estimated-ram</code> (watts per GB), "
                + "<code>absent</code>. Its parts (energy_setup_kwh, energy_steps_kwh, energy_eval_kwh, energy_checkpoint_kwh) are "
                + "meter windows of their own that add up to it. Wall energy = software energy × the host's wall coefficient "
                + "(wall-meter reading / software reading); CO2e (kg) = wall kWh × PUE × grid intensity (g/kWh) / 1000.</p>\n");
        TableData p = data.provenance();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : p.rows()) {
            rows.add(row.stream().map(HtmlReport::cell).toList());
        }
        new HtmlTable(p.caption(), p.columns(), rows, "Source: table " + p.source()
                + ". Every analysable run counted once, by its meter sources, grid factor and PUE.", "No runs.").render(html);
    }

    private static void spending(StringBuilder html, ReportData data) {
        html.append("<h2>What every attempt spent</h2>\n<p>The analyses above use each run's latest attempt when it "
                + "succeeded. A sweep spent more: attempts that failed (an executor lost mid-run is recorded with the energy "
                + "it delivered before it died), diverged, or were superseded by a later attempt. Here they are apart; "
                + "sweeps.spent_kwh counts them all.</p>\n");
        TableData s = data.spending();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : s.rows()) {
            rows.add(row.stream().map(HtmlReport::cell).toList());
        }
        new HtmlTable(s.caption(), List.of("sweep", "status", "analysed", "attempts", "kWh", "kg CO2e"), rows,
                "Source: table " + s.source() + "; analysed = the run's latest attempt, succeeded.", "No attempts.").render(html);
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
        List<String> elsewhere = data.amortization().stream().filter(r -> !r.sameHardware() && r.inferencesPerModel() == 0)
                .map(r -> r.task() + " on " + r.hardware() + " (pre-training on " + r.pretrainHardware()
                        + (r.distillHardware() == null ? "" : ", distillation on " + r.distillHardware()) + ")")
                .distinct().toList();
        if (elsewhere.isEmpty()) {
            html.append("<li>Every pre-training and distillation compared ran on the hardware of the fine-tunes it is compared "
                    + "with.</li>\n");
        } else {
            html.append("<li>Pre-training or distillation measured on other hardware than the fine-tunes they are divided by: ")
                    .append(escape(String.join("; ", elsewhere))).append(". Their pre-training equivalence and N* mix two "
                            + "machines' energies (amortization.same_hardware = false).</li>\n");
        }
        html.append("<li>An inference run whose pass over its examples lasted less than 10 meter sample intervals repeated the "
                + "pass until it did (runs.passes); the first pass also carries the model's warm-up, so the fewer the passes, the "
                + "more of it J/example holds.</li>\n");
        html.append("<li>Metric-vs-emissions curves use the cumulative values recorded at each evaluation (table evals).</li>\n");
        html.append("</ul>\n");
    }

    /** MLlib reports p-values below double precision as 0; say so instead of printing an impossible 0. */
    private static String pValue(double p) {
        return p < 1e-16 ? "<1e-16" : Format.number(p);
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
            return Format.number(((Number) value).doubleValue());
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        return String.valueOf(value);
    }

    private static String escape(String s) {
        return HtmlTable.escape(s);
    }

    private static String base64(Figure f) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(f.png()));
        } catch (IOException e) {
            throw new ReportException("cannot read figure " + f.png() + ": " + e.getMessage(), e);
        }
    }
}
