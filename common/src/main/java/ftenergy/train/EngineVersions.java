package ftenergy.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtEngine;
import ftenergy.provenance.RuntimeVersions;

/** The deep-learning stack a run computes with: DJL and the native PyTorch it loaded. */
public final class EngineVersions {

    private EngineVersions() {}

    /**
     * {@code djl} and {@code pytorch} (the native library's version, with {@code cpu} or its CUDA
     * flavour); loads the engine if it is not yet loaded.
     */
    public static RuntimeVersions current() {
        Engine engine = Engine.getEngine(PtEngine.ENGINE_NAME);
        String flavour = engine.hasCapability(ai.djl.engine.StandardCapabilities.CUDA) ? "cuda" : "cpu";
        return new RuntimeVersions(java.util.Map.of()).with("djl", Engine.getDjlVersion())
                .with("pytorch", engine.getVersion() + " (" + flavour + ")");
    }
}
