package ftenergy.train.internal;

import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.model.SpecialTokens;
import ftenergy.train.MaskingPolicy;
import java.util.Arrays;
import java.util.Random;

/**
 * Dynamic masked-LM masking, drawn afresh for every batch from a seeded generator (so a run is
 * replayable): every real token except [CLS], [SEP] and [PAD] is selected with the policy's
 * probability; selected tokens become [MASK], a uniformly random token, or stay, 80/10/10.
 * A batch whose draw selects nothing gets one selected token, so every step has a loss.
 */
public final class MlmMasker {

    /**
     * One masked batch.
     *
     * @param inputIds the batch's flat {@code (B × T)} ids with masking applied
     * @param positions flat indices {@code row × T + column} of the selected tokens, ascending
     * @param labels the original ids at those positions
     */
    public record Masked(long[] inputIds, long[] positions, long[] labels) {}

    private final MaskingPolicy policy;
    private final SpecialTokens specials;
    private final int vocabSize;
    private final Random random;

    /** Masks with {@code policy}, drawing random tokens from {@code [0, vocabSize)} with {@code random}. */
    public MlmMasker(MaskingPolicy policy, SpecialTokens specials, int vocabSize, Random random) {
        this.policy = policy;
        this.specials = specials;
        this.vocabSize = vocabSize;
        this.random = random;
    }

    /** Masks one batch. */
    public Masked mask(Batch batch) {
        long[] ids = batch.inputIds();
        int length = batch.seqLen();
        int[] selected = new int[ids.length];
        int count = 0;
        int maskable = 0;
        for (int row = 0; row < batch.size(); row++) {
            Example example = batch.examples().get(row);
            for (int col = 0; col < example.length(); col++) {
                int flat = row * length + col;
                if (specials.isStructural((int) ids[flat])) {
                    continue;
                }
                maskable++;
                if (random.nextDouble() < policy.selectFraction()) {
                    selected[count++] = flat;
                }
            }
        }
        if (count == 0) {
            if (maskable == 0) {
                throw new IllegalArgumentException("batch of " + batch.size() + " examples starting with "
                        + batch.examples().get(0).exampleId() + " has no token that can be masked");
            }
            selected[count++] = nthMaskable(batch, ids, random.nextInt(maskable));
        }
        long[] positions = new long[count];
        long[] labels = new long[count];
        long[] masked = Arrays.copyOf(ids, ids.length);
        for (int i = 0; i < count; i++) {
            int flat = selected[i];
            positions[i] = flat;
            labels[i] = ids[flat];
            double draw = random.nextDouble();
            if (draw < policy.maskFraction()) {
                masked[flat] = specials.mask();
            } else if (draw < policy.maskFraction() + policy.randomFraction()) {
                masked[flat] = random.nextInt(vocabSize);
            }
        }
        return new Masked(masked, positions, labels);
    }

    private int nthMaskable(Batch batch, long[] ids, int n) {
        int seen = 0;
        for (int row = 0; row < batch.size(); row++) {
            for (int col = 0; col < batch.examples().get(row).length(); col++) {
                int flat = row * batch.seqLen() + col;
                if (!specials.isStructural((int) ids[flat]) && seen++ == n) {
                    return flat;
                }
            }
        }
        throw new IllegalStateException("fewer than " + (n + 1) + " maskable tokens");
    }
}
