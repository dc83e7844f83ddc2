package ftenergy.live;

import ftenergy.meter.EnergyMeter;
import ftenergy.meter.MeterReading;
import ftenergy.meter.PowerSample;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The metered attempt in flight in this JVM, for watchers outside it: Spark's metrics gauges and
 * the deliveries to the driver. One at a time per JVM, as {@link ftenergy.meter.MeteredWork}
 * guarantees for metered work.
 *
 * <pre>{@code
 * try (MeteredWork.Held slot = MeteredWork.acquire();
 *         EnergyMeter meter = EnergyMeter.open(settings, gpus);
 *         LiveAttempt live = LiveAttempt.start(identity, taskAttempt, meter)) {
 *     ... live.stepEnded(real, padded, seconds) after every step ...
 * }   // closing builds the last delivery and hands it to the watchers of ends
 * }</pre>
 *
 * <p>What the running attempt's thread pays: {@link #stepEnded} per step (a few array stores under
 * an uncontended lock). Watchers read the meter's last published reading and never sample.
 */
public final class LiveAttempt implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("ftenergy.live");
    private static final AtomicReference<LiveAttempt> IN_FLIGHT = new AtomicReference<>();
    private static final List<Consumer<LiveDelivery>> END_WATCHERS = new CopyOnWriteArrayList<>();

    private final AttemptIdentity identity;
    private final int taskAttempt;
    private final EnergyMeter meter;
    private final Instant startedAt;
    private final StepProgress progress = new StepProgress();
    /** Guarded by this: the deliveries built so far and the samples they hold. */
    private long deliveries;
    private int samplesDelivered;
    private boolean ended;

    private LiveAttempt(AttemptIdentity identity, int taskAttempt, EnergyMeter meter) {
        this.identity = identity;
        this.taskAttempt = taskAttempt;
        this.meter = meter;
        this.startedAt = Instant.now();
    }

    /**
     * Registers an attempt as this JVM's attempt in flight, metered by {@code meter} (which must
     * stay open until the attempt is closed).
     *
     * @param taskAttempt Spark's attempt number of the task running it; 0 outside Spark
     * @throws IllegalStateException naming both attempts if another one is in flight in this JVM
     */
    public static LiveAttempt start(AttemptIdentity identity, int taskAttempt, EnergyMeter meter) {
        LiveAttempt attempt = new LiveAttempt(identity, taskAttempt, meter);
        LiveAttempt other = IN_FLIGHT.compareAndExchange(null, attempt);
        if (other != null) {
            throw new IllegalStateException("cannot meter " + identity + " while " + other.identity + " is in flight in"
                    + " this JVM: each would be charged the other's energy; metered work holds MeteredWork for its whole window");
        }
        return attempt;
    }

    /** The attempt in flight in this JVM, if any. */
    public static Optional<LiveAttempt> inFlight() {
        return Optional.ofNullable(IN_FLIGHT.get());
    }

    /**
     * Hands every attempt's last delivery to {@code watcher}, on the thread that ends the attempt,
     * until the returned handle is closed. A watcher must not block; one that throws is logged and
     * the attempt ends regardless.
     */
    public static Watch watchEnds(Consumer<LiveDelivery> watcher) {
        END_WATCHERS.add(watcher);
        return () -> END_WATCHERS.remove(watcher);
    }

    /** Watching of attempt ends, until closed. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    public AttemptIdentity identity() {
        return identity;
    }

    /** Spark's attempt number of the task running this attempt (0 outside Spark). */
    public int taskAttempt() {
        return taskAttempt;
    }

    /** The meter's last reading: joules since it opened and watts now, per component. */
    public MeterReading energy() {
        return meter.latest();
    }

    /** Steps and tokens so far, and the recent padded-token rate. */
    public LiveProgress progress() {
        return progress.at(System.nanoTime());
    }

    /**
     * A step (or inference batch) ended; called by the attempt's own thread after each.
     *
     * @param tokensReal its non-padding tokens
     * @param tokensPadded its padded tokens
     * @param seconds its wall seconds
     */
    public void stepEnded(long tokensReal, long tokensPadded, double seconds) {
        progress.add(System.nanoTime(), tokensReal, tokensPadded, seconds);
    }

    /**
     * The next delivery: what was measured since the previous one, numbered after it. Empty once
     * the attempt has ended (its last delivery went to the watchers of ends).
     */
    public synchronized Optional<LiveDelivery> nextDelivery() {
        return ended ? Optional.empty() : Optional.of(delivery(false));
    }

    /**
     * Ends the attempt: builds its last delivery, takes it off this JVM's attempt in flight, and
     * hands the delivery to the watchers of ends. Idempotent.
     */
    @Override
    public void close() {
        LiveDelivery last;
        synchronized (this) {
            if (ended) {
                return;
            }
            last = delivery(true);
            ended = true;
        }
        IN_FLIGHT.compareAndSet(this, null);
        for (Consumer<LiveDelivery> watcher : END_WATCHERS) {
            try {
                watcher.accept(last);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a watcher of attempt ends failed on the last delivery of " + identity, e);
            }
        }
    }

    /**
     * The samples are taken before the reading: the delivery's joules are then at least those of its
     * last sample, the freshest total the meter has (a sample taken in between comes with the next).
     */
    private LiveDelivery delivery(boolean last) {
        List<PowerSample> samples = meter.samplesFrom(samplesDelivered);
        MeterReading energy = meter.latest();
        samplesDelivered += samples.size();
        deliveries++;
        return new LiveDelivery(identity, taskAttempt, deliveries, last, meter.host().hostName(), Instant.now(), startedAt,
                energy, meter.provenance(), samples, progress());
    }
}
