package ftenergy.sweep;

import ftenergy.run.RunResult;
import java.io.Serializable;
import java.util.List;

/** What runs inside the Spark task: one attempt of one run, on the GPUs Spark assigned (none on CPU). */
@FunctionalInterface
public interface RunWork extends Serializable {

    RunResult execute(List<String> gpuAddresses) throws Exception;
}
