package ftenergy.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.lake.TestSpark;
import org.junit.jupiter.api.Test;

/** How many runs a Spark application can run at once, and which GPU requests it can never grant. */
class ClusterCapacityTest {

    /** A standalone cluster without spark.executor.cores (each executor takes its Worker's cores). */
    private static ClusterCapacity cluster(int executors, int taskSlots, int taskCpus, long executorGpus) {
        return new ClusterCapacity(false, executors, taskSlots, taskCpus, 0, executorGpus, true, false);
    }

    private static ClusterCapacity withExecutorCores(int executorCores, boolean profilesAllowed) {
        return new ClusterCapacity(false, 2, 2 * executorCores, 1, executorCores, 0, profilesAllowed, false);
    }

    @Test
    void localSession_runsOneRunAtATime_andCannotGiveGpus() {
        ClusterCapacity local = ClusterCapacity.of(TestSpark.session().sparkContext());
        assertTrue(local.local());
        assertEquals(1, local.runSlots());
        assertEquals(2, local.taskSlots(), "local[2] with spark.default.parallelism = 2");
        assertEquals(1, local.runCpus(), "no task resource profile in local mode");
        assertTrue(local.idleCoresWarning().isEmpty());
        assertTrue(local.gpuProblem(0).isEmpty());
        assertTrue(local.gpuProblem(1).orElseThrow().contains("local mode gives tasks no GPUs"));
    }

    @Test
    void executorsWithSeveralSlots_runOneRunEach_andTheUserIsWarned() {
        // Two 16-core executors, spark.task.cpus = 1: 32 slots, but each executor JVM meters one run at a time.
        ClusterCapacity wide = cluster(2, 32, 1, 0);
        assertEquals(2, wide.runSlots());
        String warning = wide.idleCoresWarning().orElseThrow();
        assertTrue(warning.contains("2 executor(s) have 32 task slots (spark.task.cpus = 1)"), warning);
        assertTrue(warning.contains("Set spark.executor.cores"), warning);
        assertEquals(1, wide.runCpus(), "the executors' cores are not known");
        // spark.task.cpus = spark.executor.cores: one slot per executor, nothing to warn about.
        ClusterCapacity whole = cluster(2, 2, 16, 0);
        assertEquals(2, whole.runSlots());
        assertTrue(whole.idleCoresWarning().isEmpty());
        // A hand-set spark.default.parallelism says nothing about the cores: no warning from it.
        assertTrue(new ClusterCapacity(false, 2, 200, 1, 0, 0, true, true).idleCoresWarning().isEmpty());
    }

    @Test
    void knownExecutorCores_areWhatEachRunAsksFor_unlessProfilesAreUnavailable() {
        ClusterCapacity known = withExecutorCores(8, true);
        assertEquals(8, known.runCpus(), "a run owns its executor: all 8 cores, and no second run beside it");
        assertEquals(2, known.runSlots());
        assertTrue(known.idleCoresWarning().isEmpty());
        // Dynamic allocation (or local mode): no task resource profiles, so runs take spark.task.cpus, and the user is told.
        ClusterCapacity dynamic = withExecutorCores(8, false);
        assertEquals(1, dynamic.runCpus());
        assertTrue(dynamic.idleCoresWarning().isPresent());
    }

    @Test
    void slotsNeverExceedTheTaskSlots_norFallBelowOne() {
        assertEquals(3, cluster(4, 3, 1, 0).runSlots(), "four 1-core executors, spark.task.cpus = 1, one of them lost its core count");
        assertEquals(1, cluster(0, 2, 1, 0).runSlots(), "no executor registered yet");
        assertTrue(cluster(0, 2, 1, 0).idleCoresWarning().isEmpty());
    }

    @Test
    void gpuRequests_areCheckedAgainstTheExecutorsGpus() {
        assertTrue(cluster(2, 2, 8, 0).gpuProblem(1).orElseThrow().contains("executors are given none"));
        String tooMany = cluster(2, 2, 8, 1).gpuProblem(2).orElseThrow();
        assertTrue(tooMany.contains("ask for 2 GPUs each, but each executor has 1 (spark.executor.resource.gpu.amount)"), tooMany);
        assertFalse(cluster(2, 2, 8, 2).gpuProblem(2).isPresent());
        assertFalse(cluster(2, 2, 8, 0).gpuProblem(0).isPresent());
    }
}
