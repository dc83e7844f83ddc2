package ftenergy.lake;

import ftenergy.run.RunRecord;

/**
 * The source of a row of a table below {@code runs} ({@code steps}, {@code power_samples},
 * {@code evals}): the attempt it belongs to and one item of it.
 *
 * @param run the attempt
 * @param item the step, sample or evaluation
 * @param <T> the item's type
 */
public record AttemptRow<T>(RunRecord run, T item) {}
