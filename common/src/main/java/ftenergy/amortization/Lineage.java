package ftenergy.amortization;

import ftenergy.stats.AnalysisException;

import ftenergy.run.RunKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells teacher-side from student-side runs by walking weight lineage.
 *
 * <p>A run's parent is the run named by its {@code init = run:<id>}, else the first run of
 * {@code depends_on} present in the table. Walking parents up from a run, the first pre-training
 * run makes it a {@link Origin.Role#TEACHER} run and a distillation run on the way makes it a
 * {@link Origin.Role#STUDENT} run (a distillation's own pre-training is found the same way, from
 * the teacher it distils). A run with no parent in the table falls back to its model name: the
 * one distillation run, else the one pre-training run, that produced a model of that name. Anything
 * else is {@link Origin.Role#UNATTRIBUTED} and stays out of the comparisons.
 */
public final class Lineage {

    private final Map<String, RunLink> runs = new HashMap<>();
    private final Map<String, Origin> resolved = new HashMap<>();

    /** @param links every run that may appear in a lineage (one entry per run id) */
    public Lineage(Collection<RunLink> links) {
        for (RunLink link : links) {
            if (runs.put(link.runId(), link) != null) {
                throw new AnalysisException("run " + link.runId() + " appears twice in the lineage input; pass one attempt per run");
            }
        }
    }

    /** The origin of {@code runId}; unattributed for a run not in the input. */
    public Origin origin(String runId) {
        return origin(runId, new LinkedHashSet<>());
    }

    private Origin origin(String runId, Set<String> path) {
        Origin known = resolved.get(runId);
        if (known != null) {
            return known;
        }
        RunLink run = runs.get(runId);
        if (run == null) {
            return Origin.unattributed();
        }
        if (!path.add(runId)) {
            throw new AnalysisException("run lineage has a cycle: " + String.join(" -> ", path) + " -> " + runId);
        }
        Origin origin = resolve(run, path);
        path.remove(runId);
        resolved.put(runId, origin);
        return origin;
    }

    private Origin resolve(RunLink run, Set<String> path) {
        if (run.kind() == RunKind.PRETRAIN) {
            return new Origin(Origin.Role.TEACHER, run.runId(), null, "self");
        }
        Origin parent = null;
        String via = "none";
        if (run.initRunId() != null && runs.containsKey(run.initRunId())) {
            parent = origin(run.initRunId(), path);
            via = "init";
        } else {
            for (String dependency : run.dependsOn()) {
                if (runs.containsKey(dependency)) {
                    parent = origin(dependency, path);
                    via = "depends_on";
                    break;
                }
            }
        }
        if (parent == null) {
            parent = byModelName(run, path);
            via = parent.role() == Origin.Role.UNATTRIBUTED ? "none" : "model";
        }
        if (run.kind() == RunKind.DISTILL) {
            return new Origin(Origin.Role.STUDENT, parent.pretrainRunId(), run.runId(), via);
        }
        return new Origin(parent.role(), parent.pretrainRunId(), parent.distillRunId(), via);
    }

    private Origin byModelName(RunLink run, Set<String> path) {
        if (run.kind() == RunKind.DISTILL) {
            // A distillation produces a new model: its name says nothing about its teacher.
            return Origin.unattributed();
        }
        RunLink distill = unique(run, RunKind.DISTILL);
        if (distill != null) {
            return origin(distill.runId(), path);
        }
        RunLink pretrain = unique(run, RunKind.PRETRAIN);
        return pretrain == null ? Origin.unattributed() : origin(pretrain.runId(), path);
    }

    /** The only run of {@code kind} whose model is {@code run}'s model, or null if none or several. */
    private RunLink unique(RunLink run, RunKind kind) {
        List<RunLink> matches = new ArrayList<>();
        for (RunLink candidate : runs.values()) {
            if (candidate.kind() == kind && candidate.model() != null && candidate.model().equals(run.model())
                    && !candidate.runId().equals(run.runId())) {
                matches.add(candidate);
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }
}
