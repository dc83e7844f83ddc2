package ftenergy.live;

import ftenergy.meter.MeterReading;
import ftenergy.meter.PowerSample;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one attempt measured, sent from its executor to the driver while it runs, so that an attempt
 * whose executor dies still leaves its energy behind. Deliveries of one Spark task attempt are
 * numbered 1, 2, ...; their samples follow on without gap or overlap, so together they hold the
 * attempt's whole power timeline; the {@link #last} one is built when the attempt ends.
 *
 * <p>The same delivery may arrive twice (it is sent again until the driver acknowledges it): its
 * {@link #key()} says so. Deliveries of one task attempt arrive in sequence order, so one whose
 * sequence is not above the highest seen for its task attempt is a repeat ({@link NewDeliveries}).
 *
 * @param attempt the run and ftenergy attempt
 * @param taskAttempt Spark's attempt number of the task running it (0, or more when Spark retried
 *     the task inside the same ftenergy attempt)
 * @param sequence 1-based number of this delivery within the task attempt
 * @param last whether this is the attempt's final delivery: nothing measured comes after it
 * @param host the executor's host name
 * @param at when the delivery was built
 * @param startedAt when the attempt registered as in flight
 * @param energy the meter's reading when the delivery was built: joules since the attempt's meter
 *     opened (the basis of {@code power_samples.joules_total}) and the latest watts
 * @param provenance how each component ({@code cpu}, {@code gpu}, {@code ram}) is measured, as the
 *     {@code runs} table labels it
 * @param samples the power samples taken since the previous delivery, in time order
 * @param progress steps and tokens so far
 */
public record LiveDelivery(
        AttemptIdentity attempt,
        int taskAttempt,
        long sequence,
        boolean last,
        String host,
        Instant at,
        Instant startedAt,
        MeterReading energy,
        Map<String, String> provenance,
        List<PowerSample> samples,
        LiveProgress progress)
        implements Serializable {

    public LiveDelivery {
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        samples = List.copyOf(samples);
    }

    /**
     * What identifies a delivery: equal keys mean the same delivery sent again.
     *
     * @param runId the run
     * @param attempt ftenergy's attempt
     * @param taskAttempt Spark's task attempt
     * @param sequence the delivery's number within the task attempt
     */
    public record Key(String runId, int attempt, int taskAttempt, long sequence) implements Serializable {}

    /** This delivery's identity. */
    public Key key() {
        return new Key(attempt.runId(), attempt.attempt(), taskAttempt, sequence);
    }

    @Override
    public String toString() {
        return "delivery " + sequence + (last ? " (last)" : "") + " of " + attempt + " task attempt " + taskAttempt
                + " from " + host + ": " + samples.size() + " samples, " + energy.totalJoules() + " J, "
                + progress.steps() + " steps";
    }
}
