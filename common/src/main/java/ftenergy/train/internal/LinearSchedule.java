package ftenergy.train.internal;

/**
 * Linear warm-up to the peak learning rate, then linear decay, as BERT and HuggingFace's
 * {@code get_linear_schedule_with_warmup}, counted in 1-based steps so no step runs at rate 0:
 * step {@code s <= W} gets {@code peak * s / W}, step {@code s > W} gets
 * {@code peak * (T - s + 1) / (T - W)}.
 *
 * @param peak peak learning rate
 * @param warmupSteps {@code W}
 * @param totalSteps {@code T}
 */
public record LinearSchedule(double peak, int warmupSteps, int totalSteps) {

    public LinearSchedule {
        if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps >= totalSteps && totalSteps > 1) {
            throw new IllegalArgumentException(
                    "schedule needs 0 <= warm-up < total steps, got " + warmupSteps + " of " + totalSteps);
        }
    }

    /** Warm-up over a fraction of the steps (rounded), never all of them. */
    public static LinearSchedule of(double peak, double warmupFraction, int totalSteps) {
        int warmup = (int) Math.round(warmupFraction * totalSteps);
        return new LinearSchedule(peak, Math.min(warmup, Math.max(totalSteps - 1, 0)), totalSteps);
    }

    /** Learning rate of 1-based step {@code step}. */
    public double rate(long step) {
        if (step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        return peak * Math.max(0, totalSteps - step + 1) / (totalSteps - warmupSteps);
    }
}
