/** In-process energy measurement as named windows over cumulative counters. */
package ftenergy.meter;
