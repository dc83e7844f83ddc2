/** Benchmarks of the Spark side, run with {@code ftenergy bench}: figures measured in one run. */
package ftenergy.bench;
