package ftenergy.sweep;

import ftenergy.run.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The single writer: commits results in arrival order on its own thread, so launching the next run
 * never waits for Delta. A commit that fails is reported and the sweep goes on; the run will be
 * re-run by the next submission because its {@code runs} row is missing.
 */
final class Committer implements AutoCloseable {

    private final ResultSink sink;
    private final SweepProgress progress;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(RunScheduler.daemon("ftenergy-committer"));
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());

    Committer(ResultSink sink, SweepProgress progress) {
        this.sink = sink;
        this.progress = progress;
    }

    void submit(RunResult result) {
        Instant finishedAt = Instant.now();
        writer.submit(() -> {
            try {
                sink.commit(result);
                latencies.add(Duration.between(finishedAt, Instant.now()).toNanos() / 1e9);
            } catch (RuntimeException e) {
                progress.commitFailed(result, e);
            }
        });
    }

    /** Seconds from each result's arrival on the driver to its commit, in commit order. */
    List<Double> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    /** Waits for every submitted commit. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("commits did not finish within an hour");
        }
    }
}
