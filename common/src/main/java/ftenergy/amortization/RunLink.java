package ftenergy.amortization;

import ftenergy.run.RunKind;
import java.util.List;

/**
 * How one run relates to others: the columns of {@code runs} that lineage resolution reads.
 *
 * @param runId the run
 * @param kind its kind
 * @param model its model name
 * @param initRunId the run whose weights it started from ({@code init = run:<id>}), or {@code null}
 * @param dependsOn runs whose checkpoints it used ({@code depends_on})
 */
public record RunLink(String runId, RunKind kind, String model, String initRunId, List<String> dependsOn) {

    public RunLink {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
}
