package ftenergy.lake;

import java.util.List;

/**
 * The tables the analysis jobs write. Each is keyed by its group and the sweeps analysed
 * ({@code sweep_id}), so re-running an analysis replaces the previous result for a group, and
 * analyses of different sweeps stand side by side.
 */
public final class AnalysisTables {

    private AnalysisTables() {}

    public static final LakeTable REGRESSIONS = RegressionsTable.TABLE;
    public static final LakeTable ENERGY_RATES = EnergyRatesTable.TABLE;
    public static final LakeTable AMORTIZATION = AmortizationTable.TABLE;

    /** The analysis tables, in the order the jobs write them. */
    public static List<LakeTable> all() {
        return List.of(REGRESSIONS, ENERGY_RATES, AMORTIZATION);
    }
}
