package ftenergy.sweep;

import ftenergy.run.AttemptResult;
import java.io.Serializable;
import java.util.List;

/** What runs inside the Spark task: one attempt of one run, on the GPUs Spark assigned (none on CPU). */
@FunctionalInterface
public interface RunWork extends Serializable {

    AttemptResult execute(List<String> gpuAddresses) throws Exception;
}
