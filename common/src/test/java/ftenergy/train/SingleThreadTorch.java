package ftenergy.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs libtorch with one intra-op thread. The tests' models are tiny, and on a shared, busy
 * machine two OpenMP threads spin-waiting for each other made a tiny step ten times slower.
 */
public final class SingleThreadTorch implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Engine.getInstance();
        JniUtils.setNumThreads(1);
    }
}
