/**
 * The distributed sweep: each run is its own one-task Spark job, several in flight, results
 * committed by one writer on the driver as they arrive.
 */
package ftenergy.sweep;
