package ftenergy.metrics;

import ftenergy.live.LiveDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The driver's subscribers to what executors deliver while their runs are in flight
 * ({@link LiveDelivery}): each delivery goes to every subscriber, in the order the driver receives
 * them.
 *
 * <pre>{@code
 * NewDeliveries seen = new NewDeliveries();
 * try (LiveDeliveries.Subscription s = LiveDeliveries.subscribe(d -> {
 *     if (seen.firstArrival(d)) queue.add(d);   // hand off: this runs on Spark's RPC thread
 * })) { ... run the sweep ... }
 * }</pre>
 *
 * <p>Delivery is at least once: an executor sends a delivery again until the driver acknowledges
 * it, and the driver acknowledges only once every subscriber accepted it (returned without
 * throwing). A subscriber therefore sees a delivery again when another one refused it, or when an
 * acknowledgement was lost; {@link LiveDelivery#key()} (run, attempt, task attempt, sequence)
 * identifies the repeat, and {@link ftenergy.live.NewDeliveries} filters repeats out. Deliveries of
 * one task attempt arrive in sequence order, the last one ({@link LiveDelivery#last()}) last.
 * Subscribers are called on Spark's RPC thread: they must hand deliveries off, not write tables.
 */
public final class LiveDeliveries {

    private static final List<Consumer<LiveDelivery>> SUBSCRIBERS = new CopyOnWriteArrayList<>();

    private LiveDeliveries() {}

    /** A delivery one or more subscribers refused (threw on); the others' failures are suppressed in it. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message, RuntimeException first) {
            super(message, first);
        }
    }

    /** A subscription, ended by closing it. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Hands every delivery the driver receives from now on to {@code subscriber}, until unsubscribed. */
    public static Subscription subscribe(Consumer<LiveDelivery> subscriber) {
        SUBSCRIBERS.add(subscriber);
        return () -> unsubscribe(subscriber);
    }

    /** Stops handing deliveries to {@code subscriber}; nothing if it was not subscribed. */
    public static void unsubscribe(Consumer<LiveDelivery> subscriber) {
        SUBSCRIBERS.remove(subscriber);
    }

    /**
     * Hands {@code delivery} to every subscriber, each even if another throws.
     *
     * @throws RefusedException if any subscriber threw: the delivery is not acknowledged, so its
     *     executor sends it again
     */
    static void publish(LiveDelivery delivery) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Consumer<LiveDelivery> subscriber : SUBSCRIBERS) {
            try {
                subscriber.accept(delivery);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RefusedException refused = new RefusedException(delivery + " refused by " + failures.size()
                    + " subscriber(s) on the driver, first: " + failures.get(0) + "; the executor sends it again", failures.get(0));
            failures.subList(1, failures.size()).forEach(refused::addSuppressed);
            throw refused;
        }
    }
}
