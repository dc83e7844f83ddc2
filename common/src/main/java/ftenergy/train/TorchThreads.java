package ftenergy.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread pool, which sets how many CPUs a run's tensor work spreads over: the
 * host's cores by default, its task's CPUs on a Spark executor. Recorded with each run, since a
 * run's time and energy depend on it.
 */
public final class TorchThreads {

    private TorchThreads() {}

    /** The process's intra-op threads now (loads the native library if it is not yet). */
    public static int intraOp() {
        Engine.getEngine(PtEngine.ENGINE_NAME);
        return JniUtils.getNumThreads();
    }
}
