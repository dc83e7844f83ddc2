package ftenergy.cli;

import ai.djl.engine.Engine;
import ftenergy.sweep.SweepJob;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code ftenergy --version}: ftenergy's version (the jar manifest's, {@code dev} from classes) on
 * the first line, then the Spark, Delta Lake and DJL this JVM actually runs (the cluster's own,
 * with the cluster jar) and the Java runtime.
 */
final class VersionText implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "ftenergy " + SweepJob.codeVersion(),
            "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " (Scala " + scala.util.Properties.versionNumberString()
                    + "), Delta Lake " + io.delta.package$.MODULE$.VERSION() + ", DJL " + Engine.getDjlVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")
        };
    }
}
