/**
 * Tasks as configuration: each fine-tuning task (and pre-training corpus) is declared under
 * {@code ftenergy.tasks.<name>} with its type, file format, paths, columns and labels, and read
 * once at start-up with the rest of the configuration. No task name is special in code.
 */
package ftenergy.task;
