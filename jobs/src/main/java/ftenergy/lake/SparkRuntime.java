package ftenergy.lake;

import ftenergy.provenance.RuntimeVersions;
import java.util.Map;

/** The versions of the Spark side a run's provenance names: Spark, Delta and Delta Kernel. */
public final class SparkRuntime {

    private SparkRuntime() {}

    /** {@code spark}, {@code delta} and {@code delta-kernel}, from the classes loaded (a shaded jar has no per-library manifest). */
    public static RuntimeVersions versions() {
        return new RuntimeVersions(Map.of())
                .with("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION())
                .with("delta", io.delta.package$.MODULE$.VERSION())
                .with("delta-kernel", io.delta.kernel.Meta.KERNEL_VERSION);
    }
}
