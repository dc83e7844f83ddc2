/**
 * Every benchmark, run with {@code ftenergy bench}: meter overhead, training throughput and MFU,
 * padding, tokenization, orchestration and the lakehouse; each reports ratios measured side by
 * side in one run.
 */
package ftenergy.bench;
