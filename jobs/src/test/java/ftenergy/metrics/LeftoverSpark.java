package ftenergy.metrics;

import org.apache.spark.sql.SparkSession;

/**
 * Test classes share one JVM, and some leave their Spark session running for the next to reuse.
 * A class that needs a session of its own settings, or that meters an attempt, stops it first: the
 * left-over session's executor plugin would otherwise take that attempt's deliveries.
 */
final class LeftoverSpark {

    private LeftoverSpark() {}

    static void stop() {
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
