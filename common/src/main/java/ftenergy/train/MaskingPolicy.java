package ftenergy.train;

/**
 * BERT's dynamic masking: each step draws fresh masks.
 *
 * @param selectFraction share of maskable tokens selected for prediction (0.15)
 * @param maskFraction share of selected tokens replaced by [MASK] (0.8)
 * @param randomFraction share of selected tokens replaced by a random token (0.1); the rest stay
 */
public record MaskingPolicy(double selectFraction, double maskFraction, double randomFraction) {

    /** BERT's 15 % with 80/10/10. */
    public static final MaskingPolicy BERT = new MaskingPolicy(0.15, 0.8, 0.1);

    public MaskingPolicy {
        if (!(selectFraction > 0 && selectFraction <= 1)) {
            throw new IllegalArgumentException("select fraction must be in (0, 1], was " + selectFraction);
        }
        if (maskFraction < 0 || randomFraction < 0 || maskFraction + randomFraction > 1) {
            throw new IllegalArgumentException(
                    "mask " + maskFraction + " + random " + randomFraction + " fractions must be >= 0 and sum to <= 1");
        }
    }
}
