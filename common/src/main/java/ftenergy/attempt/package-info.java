/**
 * One metered run attempt, as an executor performs it: open the meter on the run's devices,
 * train or measure, close the meter, account energy and carbon, return the rows.
 */
package ftenergy.attempt;
