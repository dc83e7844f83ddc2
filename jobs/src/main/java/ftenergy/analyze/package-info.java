/** Spark analysis jobs: energy regressions, energy rates and distillation amortization, written to Delta. */
package ftenergy.analyze;
