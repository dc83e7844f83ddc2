/**
 * The Delta lakehouse: the contract's tables defined once, created idempotently, registered for
 * SQL, and written exactly once per run attempt.
 */
package ftenergy.lake;
