/**
 * What a run is and what it produces: the records exchanged between planning, executors and the
 * lakehouse. Immutable, serialisable, engine-free.
 */
package ftenergy.run;
