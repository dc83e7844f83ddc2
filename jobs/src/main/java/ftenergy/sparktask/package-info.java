/** What a Spark task owns on its executor, as the runs and inference partitions it executes see it. */
package ftenergy.sparktask;
