/**
 * A fine-tuned checkpoint's predictions and their scores: decoding each task head's output
 * (class, tags, answer span) and scoring it against gold answers (accuracy, F1, exact match), the
 * same way during fine-tuning evaluations and in metered inference.
 */
package ftenergy.predict;
