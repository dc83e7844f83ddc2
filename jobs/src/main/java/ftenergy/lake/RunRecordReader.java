package ftenergy.lake;

import ftenergy.run.EnergyAccount;
import ftenergy.run.EnergyParts;
import ftenergy.run.HostInfo;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunProvenance;
import ftenergy.run.RunRecord;
import ftenergy.run.RunSpec;
import ftenergy.run.RunStatus;
import ftenergy.run.StopRule;
import ftenergy.run.WorkCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads {@code runs} rows back into the {@link RunRecord}s they were written from ({@link RunsTable}
 * writes them), columns found by name. Rows of older versions lack some columns: a missing
 * measurement reads as NaN (energy parts) or 0 (tokens evaluated, GPUs asked for, passes), a missing
 * feed-forward size as BERT's four times the hidden size, which every model of those versions had.
 */
public final class RunRecordReader {

    private RunRecordReader() {}

    /** Every row of {@code runs}, collected to the driver, in the rows' order. */
    public static List<RunRecord> read(Dataset<Row> runs) {
        return runs.collectAsList().stream().map(RunRecordReader::record).toList();
    }

    /** The record of one {@code runs} row. */
    public static RunRecord record(Row r) {
        int hidden = integer(r, "hidden", 0);
        ModelSpec model = new ModelSpec(r.getAs("model"), integer(r, "layers", 0), hidden, integer(r, "heads", 0),
                integer(r, "intermediate", 4 * hidden), r.getAs("init"));
        Hyperparameters hp = new Hyperparameters(r.<Double>getAs("lr"), integer(r, "batch_size", 0), integer(r, "epochs", 0),
                integer(r, "max_steps", 0), integer(r, "max_seq_len", 0), r.<Double>getAs("warmup"),
                r.<Double>getAs("weight_decay"), r.<Boolean>getAs("length_grouped"));
        String earlyStop = string(r, "early_stop");
        RunSpec spec = new RunSpec(r.getAs("run_id"), r.getAs("sweep_id"), RunKind.parse(r.getAs("kind")), r.getAs("task"),
                model, hp, r.<Long>getAs("seed"), integer(r, "gpus", 0), strings(r, "depends_on"),
                earlyStop == null ? null : StopRule.parse(earlyStop));
        List<String> gpuIds = strings(r, "gpu_ids");
        HostInfo host = has(r, "gpu_uuids")
                ? new HostInfo(r.getAs("host"), r.getAs("cpu_model"), r.getAs("gpu_model"), gpuIds, integer(r, "cpu_threads", 0),
                        strings(r, "gpu_uuids"))
                : new HostInfo(r.getAs("host"), r.getAs("cpu_model"), r.getAs("gpu_model"), gpuIds, integer(r, "cpu_threads", 0));
        WorkCounts work = new WorkCounts(r.<Long>getAs("steps"), r.<Long>getAs("examples"), r.<Long>getAs("tokens_real"),
                r.<Long>getAs("tokens_padded"), count(r, "tokens_evaluated"), integer(r, "passes", 0));
        EnergyAccount energy = new EnergyAccount(r.<Double>getAs("energy_cpu_kwh"), r.<Double>getAs("energy_gpu_kwh"),
                r.<Double>getAs("energy_ram_kwh"), r.getAs("cpu_source"), r.getAs("gpu_source"), r.getAs("ram_source"),
                r.<Double>getAs("wall_coefficient"), r.<Double>getAs("pue"), r.getAs("grid_region"),
                r.<Double>getAs("grid_g_per_kwh"));
        EnergyParts parts = new EnergyParts(number(r, "energy_setup_kwh"), number(r, "energy_steps_kwh"),
                number(r, "energy_eval_kwh"), number(r, "energy_checkpoint_kwh"));
        RunProvenance provenance = new RunProvenance(r.getAs("code_version"), r.getAs("config_hash"), string(r, "data_version"),
                string(r, "tokenizer_version"), string(r, "runtime"));
        return new RunRecord(spec, r.<Integer>getAs("attempt"), r.<Long>getAs("model_params"), host,
                instant(r, "started_at"), instant(r, "ended_at"), work, energy, parts, r.getAs("metric_name"),
                number(r, "metric_value"), RunStatus.parse(r.getAs("status")), r.getAs("error"), r.getAs("stop_reason"),
                provenance);
    }

    private static boolean has(Row r, String column) {
        return List.of(r.schema().fieldNames()).contains(column) && !r.isNullAt(r.fieldIndex(column));
    }

    private static int integer(Row r, String column, int missing) {
        return has(r, column) ? r.<Integer>getAs(column) : missing;
    }

    private static long count(Row r, String column) {
        return has(r, column) ? r.<Long>getAs(column) : 0L;
    }

    private static double number(Row r, String column) {
        return has(r, column) ? r.<Double>getAs(column) : Double.NaN;
    }

    private static String string(Row r, String column) {
        return has(r, column) ? r.getAs(column) : null;
    }

    private static List<String> strings(Row r, String column) {
        return has(r, column) ? r.<String>getList(r.fieldIndex(column)) : List.of();
    }

    private static Instant instant(Row r, String column) {
        return has(r, column) ? r.<Timestamp>getAs(column).toInstant() : null;
    }
}
