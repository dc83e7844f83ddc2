package ftenergy.lake;

import java.util.ArrayList;
import java.util.List;

/**
 * The lakehouse's tables, by name: the analysts' contract. Each table's columns are defined once,
 * in its own class ({@link RunsTable}, {@link StepsTable}, ...), with each column's value next to
 * its name; {@code docs/tables.md} is generated from them. Columns may be added, never renamed.
 *
 * <p>Layout choices: {@code examples} is partitioned by task because prepare writes and trainers
 * read one task at a time; the run tables are small per run and queried across runs, so they stay
 * unpartitioned (a partition per run would make thousands of tiny directories).
 */
public final class LakeTables {

    private LakeTables() {}

    public static final LakeTable RUNS = RunsTable.TABLE;
    public static final LakeTable STEPS = StepsTable.TABLE;
    public static final LakeTable POWER_SAMPLES = PowerSamplesTable.TABLE;
    public static final LakeTable EVALS = EvalsTable.TABLE;
    public static final LakeTable SWEEPS = SweepsTable.TABLE;
    public static final LakeTable EXAMPLES = ExamplesTable.TABLE;

    /** Tables created by {@code lake init}, in creation order. */
    public static List<LakeTable> all() {
        List<LakeTable> tables = new ArrayList<>(List.of(RUNS, STEPS, POWER_SAMPLES, EVALS, SWEEPS, EXAMPLES));
        tables.addAll(AnalysisTables.all());
        return List.copyOf(tables);
    }

    /** The table called {@code name}; fails listing the known names. */
    public static LakeTable byName(String name) {
        List<String> names = new ArrayList<>();
        for (LakeTable table : all()) {
            if (table.name().equals(name)) {
                return table;
            }
            names.add(table.name());
        }
        throw new LakeException("unknown table '" + name + "'; known tables: " + String.join(", ", names));
    }
}
