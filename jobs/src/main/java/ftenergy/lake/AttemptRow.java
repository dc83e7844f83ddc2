package ftenergy.lake;

import ftenergy.live.AttemptIdentity;
import ftenergy.run.RunRecord;

/**
 * The source of a row of a table below {@code runs} ({@code steps}, {@code power_samples},
 * {@code evals}): the attempt it belongs to and one item of it.
 *
 * @param attempt the run, its sweep and attempt number
 * @param item the step, sample or evaluation
 * @param <T> the item's type
 */
public record AttemptRow<T>(AttemptIdentity attempt, T item) {

    /** The identity of the attempt {@code run} records. */
    public static AttemptIdentity of(RunRecord run) {
        return new AttemptIdentity(run.spec().runId(), run.spec().sweepId(), run.attempt());
    }
}
