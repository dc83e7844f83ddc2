package ftenergy.sweep;

import ftenergy.lake.ClaimLostException;
import ftenergy.live.AttemptIdentity;
import ftenergy.meter.PowerSample;
import ftenergy.run.AttemptResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The driver's committer: commits results in arrival order off the scheduler's thread, so
 * launching the next run never waits for Delta; results that arrive while a commit is under way
 * go in the next one together. A commit that fails is reported and the sweep goes on; the run
 * will be re-run by the next submission because its {@code runs} row is missing.
 *
 * <p>Batches overlap by one step ({@link ResultSink#stage}): while one thread writes a batch's
 * rows, a second finishes the batch before it (its {@code runs} marker). Each step runs on one
 * thread only, so every table still takes one append at a time; concurrent appends to one Delta
 * table were measured to slow each other down several-fold.
 */
final class Committer implements AutoCloseable {

    private final ResultSink sink;
    private final SweepListener progress;
    private final BlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private final Thread writer;
    private final ExecutorService finisher = Executors.newSingleThreadExecutor(RunScheduler.daemon("ftenergy-commit-marker"));
    private volatile boolean closing;
    private volatile ClaimLostException claimLost;
    private final List<AttemptResult> refused = Collections.synchronizedList(new ArrayList<>());
    private final DoubleAdder recordedKwh = new DoubleAdder();
    private final DoubleAdder recordedCo2Kg = new DoubleAdder();

    /** A finished attempt, or (result null) power samples delivered while an attempt ran. */
    private record Arrival(AttemptResult result, Instant finishedAt, AttemptIdentity attempt, List<PowerSample> samples) {}

    Committer(ResultSink sink, SweepListener progress) {
        this.sink = sink;
        this.progress = progress;
        this.writer = new Thread(this::drain, "ftenergy-committer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a result; {@code finishedAt} is when its task finished, where commit latency starts. */
    void submit(AttemptResult result, Instant finishedAt) {
        queue.add(new Arrival(result, finishedAt, null, List.of()));
    }

    /**
     * Queues power samples {@code attempt}'s executor delivered while it ran: they are appended
     * before any result that arrives after them, so the attempt's result, which leaves them out,
     * never lands without them.
     */
    void submitSamples(AttemptIdentity attempt, List<PowerSample> samples) {
        queue.add(new Arrival(null, null, attempt, samples));
    }

    /** Commits whatever has arrived as one batch: when runs finish faster than Delta commits, batches grow. */
    private void drain() {
        while (!(closing && queue.isEmpty())) {
            List<Arrival> batch = new ArrayList<>();
            try {
                Arrival first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch);
            appendDelivered(batch);
            batch.removeIf(arrival -> arrival.result() == null);
            if (batch.isEmpty()) {
                continue;
            }
            List<AttemptResult> results = batch.stream().map(Arrival::result).toList();
            Runnable finish;
            try {
                finish = sink.stage(results);
            } catch (RuntimeException e) {
                failed(results, e);
                continue;
            }
            finisher.execute(() -> {
                try {
                    finish.run();
                    results.forEach(r -> {
                        recordedKwh.add(r.run().energy().kwh());
                        recordedCo2Kg.add(r.run().energy().co2Kg());
                    });
                    Instant now = Instant.now();
                    batch.forEach(a -> latencies.add(Duration.between(a.finishedAt(), now).toNanos() / 1e9));
                } catch (RuntimeException e) {
                    failed(results, e);
                }
            });
        }
    }

    /** Appends the delivered samples of the batch, in arrival order; a failure loses them to the report only. */
    private void appendDelivered(List<Arrival> batch) {
        for (Arrival arrival : batch) {
            if (arrival.result() != null) {
                continue;
            }
            try {
                sink.appendSamples(arrival.attempt(), arrival.samples());
            } catch (ClaimLostException lost) {
                recordLoss(lost);
            } catch (RuntimeException e) {
                progress.samplesNotRecorded(arrival.attempt(), arrival.samples().size(), e);
            }
        }
    }

    private void failed(List<AttemptResult> results, RuntimeException e) {
        if (e instanceof ClaimLostException lost) {
            recordLoss(lost);
            refused.addAll(results);
        }
        results.forEach(r -> progress.commitFailed(r, e));
    }

    /** The results the lakehouse refused because a newer submission claimed the sweep, in refusal order. */
    List<AttemptResult> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    /** Asks the sink whether a newer submission claimed the sweep; records it like a refused commit. */
    void verifyClaim() {
        try {
            sink.verifyClaim();
        } catch (ClaimLostException lost) {
            recordLoss(lost);
        } catch (RuntimeException e) {
            // The lakehouse could not be read just now: the next check, or the next commit, will tell.
        }
    }

    /** Keeps the first loss: the one that stopped the sweep. */
    private void recordLoss(ClaimLostException lost) {
        if (claimLost == null) {
            claimLost = lost;
        }
    }

    /** Set once the lakehouse refused a commit because a newer submission claimed the sweep; null until then. */
    ClaimLostException claimLost() {
        return claimLost;
    }

    /** Seconds from each result's task finishing to its rows being committed, in commit order. */
    List<Double> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    /** Software energy of the attempts whose rows were committed; final once {@link #close} returned. */
    double recordedKwh() {
        return recordedKwh.sum();
    }

    /** Emissions of the attempts whose rows were committed; final once {@link #close} returned. */
    double recordedCo2Kg() {
        return recordedCo2Kg.sum();
    }

    /** Waits for every submitted commit. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(TimeUnit.HOURS.toMillis(1));
        finisher.shutdown();
        if (writer.isAlive() || !finisher.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("commits did not finish within an hour");
        }
    }
}
