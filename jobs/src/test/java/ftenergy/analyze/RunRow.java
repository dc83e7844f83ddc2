package ftenergy.analyze;

import ftenergy.lake.LakeTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;

/** A {@code runs} row for tests: contract defaults, then the values a test cares about. */
final class RunRow {

    private final Map<String, Object> values = new HashMap<>();

    private RunRow(String runId, String kind) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        values.put("run_id", runId);
        values.put("sweep_id", "test-sweep");
        values.put("attempt", 1);
        values.put("kind", kind);
        values.put("task", "sst2");
        values.put("model", "bert-mini");
        values.put("model_params", 11_000_000L);
        values.put("layers", 4);
        values.put("hidden", 256);
        values.put("heads", 4);
        values.put("init", "scratch");
        values.put("lr", 5e-5);
        values.put("batch_size", 16);
        values.put("epochs", 1);
        values.put("max_steps", 0);
        values.put("max_seq_len", 128);
        values.put("warmup", 0.1);
        values.put("weight_decay", 0.01);
        values.put("length_grouped", false);
        values.put("seed", 1L);
        values.put("host", "test-host");
        values.put("cpu_model", "Synthetic CPU B");
        values.put("gpu_model", "none");
        values.put("gpu_ids", new String[0]);
        values.put("device_count", 1);
        values.put("hardware", "Synthetic CPU B");
        values.put("started_at", Timestamp.from(start));
        values.put("ended_at", Timestamp.from(start.plusSeconds(60)));
        values.put("duration_s", 60.0);
        values.put("steps", 100L);
        values.put("examples", 1600L);
        values.put("tokens_real", 40_000L);
        values.put("tokens_padded", 50_000L);
        values.put("energy_cpu_kwh", 0.0);
        values.put("energy_gpu_kwh", 0.0);
        values.put("energy_ram_kwh", 0.0);
        values.put("energy_kwh", 0.001);
        values.put("wall_coefficient", 1.0);
        values.put("energy_wall_kwh", 0.001);
        values.put("pue", 1.0);
        values.put("grid_region", "TEST");
        values.put("grid_g_per_kwh", 400.0);
        values.put("co2_kg", 0.0004);
        values.put("metric_name", "accuracy");
        values.put("metric_value", 0.8);
        values.put("status", "succeeded");
        values.put("error", null);
        values.put("cpu_source", "estimated-tdp");
        values.put("gpu_source", "absent");
        values.put("ram_source", "estimated-ram");
        values.put("code_version", "test");
        values.put("config_hash", "cfg");
        values.put("depends_on", new String[0]);
        values.put("committed_at", Timestamp.from(start.plusSeconds(61)));
        values.put("early_stop", null);
        values.put("stop_reason", null);
    }

    static RunRow of(String runId, String kind) {
        return new RunRow(runId, kind);
    }

    /** Sets a contract column; fails on a name the contract lacks. */
    RunRow set(String column, Object value) {
        LakeTables.RUNS.schema().apply(column);
        values.put(column, value);
        return this;
    }

    /** Sets energy_kwh and the columns derived from it (wall energy, CO2). */
    RunRow energy(double kwh) {
        double wall = kwh * (Double) values.get("wall_coefficient");
        return set("energy_kwh", kwh).set("energy_cpu_kwh", kwh).set("energy_wall_kwh", wall)
                .set("co2_kg", wall * (Double) values.get("pue") * (Double) values.get("grid_g_per_kwh") / 1000);
    }

    /** Puts the run on a GPU: hardware becomes the GPU model, sources become measured. */
    RunRow gpu(String gpuModel) {
        return set("gpu_model", gpuModel).set("hardware", gpuModel).set("gpu_ids", new String[] {"0"})
                .set("cpu_source", "measured-rapl").set("gpu_source", "measured-nvml").set("wall_coefficient", 1.09);
    }

    /** Initialises from another run: init = run:id, depends_on = [id]. */
    RunRow from(String parentRunId) {
        return set("init", "run:" + parentRunId).set("depends_on", new String[] {parentRunId});
    }

    /** The value set for {@code column}. */
    Object get(String column) {
        return values.get(column);
    }

    Row toRow() {
        List<StructField> fields = List.of(LakeTables.RUNS.schema().fields());
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(fields.get(i).name());
        }
        return RowFactory.create(row);
    }
}
