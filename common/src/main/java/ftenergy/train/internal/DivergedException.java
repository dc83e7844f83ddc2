package ftenergy.train.internal;

import ftenergy.FtenergyException;

/** Loss or gradient norm became NaN or infinite: the run ends as {@code diverged}. */
public final class DivergedException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final long step;

    /** {@code what} (loss, gradient norm) was {@code value} at {@code step}. */
    public DivergedException(long step, String what, double value, double learningRate) {
        super(what + " became " + value + " at step " + step + " (learning rate " + learningRate + ")");
        this.step = step;
    }

    /** The step whose loss or gradient was not finite. */
    public long step() {
        return step;
    }
}
