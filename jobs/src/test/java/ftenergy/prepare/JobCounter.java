package ftenergy.prepare;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/** Counts the Spark jobs of every session it is registered with ({@code spark.extraListeners}). */
public final class JobCounter extends SparkListener {

    static final AtomicInteger JOBS = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        JOBS.incrementAndGet();
    }
}
