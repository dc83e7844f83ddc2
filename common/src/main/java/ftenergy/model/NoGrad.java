package ftenergy.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's autograd recording off on this thread until closed, then restores it.
 *
 * <p>Grad mode is per thread and on by default; DJL turns it off only on the thread that loaded
 * the engine. On any other thread (a Spark task's), in-place writes to parameters fail ("a leaf
 * Variable that requires grad is being used in an in-place operation") and inference records
 * graphs it never uses. DJL's gradient collector sets it on and restores it on close.
 */
public final class NoGrad implements AutoCloseable {

    private final boolean previous;

    private NoGrad() {
        Engine.getInstance();
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Runs {@code body} without autograd on the calling thread. */
    public static void run(Runnable body) {
        NoGrad region = enter();
        try {
            body.run();
        } finally {
            region.close();
        }
    }

    /** Enters a region without autograd on the calling thread; close to leave it. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
