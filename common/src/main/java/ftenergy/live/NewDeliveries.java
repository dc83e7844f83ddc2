package ftenergy.live;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells a delivery's first arrival from a repeat. Relies on each task attempt's deliveries arriving
 * in sequence order (a sender sends the next only once the previous was acknowledged), so it keeps
 * one number per task attempt. Thread-safe.
 */
public final class NewDeliveries {

    private record TaskAttempt(String runId, int attempt, int taskAttempt) {}

    private final Map<TaskAttempt, Long> highestSequence = new HashMap<>();

    /** Whether {@code delivery} arrives for the first time; a {@code false} answer means it was seen already. */
    public synchronized boolean firstArrival(LiveDelivery delivery) {
        LiveDelivery.Key key = delivery.key();
        TaskAttempt stream = new TaskAttempt(key.runId(), key.attempt(), key.taskAttempt());
        long highest = highestSequence.getOrDefault(stream, 0L);
        if (key.sequence() <= highest) {
            return false;
        }
        highestSequence.put(stream, key.sequence());
        return true;
    }
}
