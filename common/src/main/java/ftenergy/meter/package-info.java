/** In-process energy measurement as named windows over cumulative counters, with per-component provenance. */
package ftenergy.meter;
