package ftenergy.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Runs that differ in one setting only: the {@code runs} columns that define a run's workload and
 * where it ran. Two runs equal on all of them but the varied one are counterparts, whose energies
 * can be compared with nothing else changed.
 */
final class Counterparts {

    /** The columns of a run's definition and hardware (not its id, sweep or outcome). */
    private static final List<String> DEFINITION = List.of("kind", "task", "model", "layers", "hidden", "heads", "intermediate",
            "init", "lr", "batch_size", "epochs", "max_steps", "max_seq_len", "warmup", "weight_decay", "length_grouped", "seed",
            "early_stop", "gpus", "hardware");

    private Counterparts() {}

    /** Every definition column but {@code varied}, as grouping columns. */
    static Column[] keyWithout(String varied) {
        return namesWithout(varied).stream().map(functions::col).toArray(Column[]::new);
    }

    /** The names of every definition column but {@code varied}. */
    static List<String> namesWithout(String varied) {
        if (!DEFINITION.contains(varied)) {
            throw new IllegalArgumentException("'" + varied + "' is not a run definition column: " + DEFINITION);
        }
        List<String> key = new ArrayList<>(DEFINITION);
        key.remove(varied);
        return key;
    }
}
