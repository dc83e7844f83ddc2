package ftenergy.metrics;

import ftenergy.live.LiveAttempt;
import ftenergy.live.LiveDelivery;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor's deliveries to the driver, sent in order on a thread of their own. Every interval
 * it takes the next delivery of the attempt in flight; when an attempt ends, its last delivery is
 * queued at once. A delivery stays queued until the driver acknowledges it, and is sent again at
 * the next interval if it was not, before anything built after it: the driver sees each task
 * attempt's deliveries in sequence order, possibly one of them more than once.
 *
 * <p>Building a delivery and queueing it happen under one lock, so a periodic delivery and the
 * last one, built concurrently by the attempt's thread, are queued in the order of their numbers.
 * Sending happens outside the lock, on the outbox's thread only.
 */
final class DeliveryOutbox implements AutoCloseable {

    /** Sends one delivery to the driver and returns once it is acknowledged; throws if it was not. */
    @FunctionalInterface
    interface Courier {
        void deliver(LiveDelivery delivery) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger("ftenergy.metrics");
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final Courier courier;
    private final ScheduledExecutorService thread;
    /** Guarded by itself. */
    private final Deque<LiveDelivery> queued = new ArrayDeque<>();
    /** The delivery whose failure was last logged: a driver that stays away is logged once per delivery, not per try. */
    private LiveDelivery.Key lastLoggedFailure;

    /** Starts taking a delivery of the attempt in flight every {@code interval}. */
    DeliveryOutbox(Courier courier, Duration interval) {
        this.courier = courier;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ftenergy-deliveries");
            t.setDaemon(true);
            return t;
        });
        long nanos = interval.toNanos();
        thread.scheduleWithFixedDelay(this::deliverInFlight, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Queues an attempt's last delivery and sends the queue now; called on the attempt's thread, never blocks on the driver. */
    void queueLast(LiveDelivery last) {
        synchronized (queued) {
            queued.add(last);
        }
        try {
            thread.execute(this::sendQueued);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "executor shutting down: " + last + " is not sent");
        }
    }

    /** Deliveries queued but not acknowledged yet. */
    int queuedCount() {
        synchronized (queued) {
            return queued.size();
        }
    }

    private void deliverInFlight() {
        try {
            synchronized (queued) {
                LiveAttempt.inFlight().flatMap(LiveAttempt::nextDelivery).ifPresent(queued::add);
            }
            sendQueued();
        } catch (RuntimeException e) {
            // a thrown exception would cancel the schedule: log it and deliver again next time
            LOG.log(Level.WARNING, "building a delivery failed; trying again next interval", e);
        }
    }

    /** Sends queued deliveries in order until one is not acknowledged; it heads the queue for the next try. */
    private void sendQueued() {
        while (true) {
            LiveDelivery next;
            synchronized (queued) {
                next = queued.peek();
            }
            if (next == null) {
                return;
            }
            try {
                courier.deliver(next);
            } catch (Exception e) {
                if (!next.key().equals(lastLoggedFailure)) {
                    lastLoggedFailure = next.key();
                    LOG.log(Level.WARNING, "sending " + next + " failed: " + e.getMessage() + "; it is sent again next"
                            + " interval, with " + (queuedCount() - 1) + " more waiting behind it");
                }
                return;
            }
            synchronized (queued) {
                queued.poll();
            }
        }
    }

    /** Stops the interval and makes a last try to send what is queued, waiting a few seconds at most. */
    @Override
    public void close() {
        try {
            thread.execute(this::sendQueued);
        } catch (RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queuedCount() > 0) {
            LOG.log(Level.WARNING, queuedCount() + " deliveries not acknowledged by the driver when the executor stopped");
        }
    }
}
