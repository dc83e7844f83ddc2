package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.predict.Metric;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;
import ftenergy.model.SpecialTokens;
import ftenergy.train.MaskingPolicy;
import java.util.List;
import java.util.Random;

/**
 * Masked-LM pre-training (no next-sentence prediction): vocabulary logits only at the masked
 * positions, as Google's {@code run_pretraining.py} gathers them, which spares the decoder
 * matmul on the other 85 % of tokens. Scored by the mean masked-token loss and accuracy under a
 * fixed evaluation masking, so successive evaluations compare like with like.
 */
public final class MaskedLmTask implements HeadTask {

    /** Seed of the evaluation masking: the same masks at every evaluation of every run. */
    private static final long EVAL_MASK_SEED = 20231206L;

    private final BertModel model;
    private final MlmMasker trainMasker;
    private final MaskingPolicy policy;
    private final SpecialTokens specials;

    /** @param random the run's masking generator (seeded from the run's seed) */
    public MaskedLmTask(BertModel model, MaskingPolicy policy, SpecialTokens specials, Random random) {
        this.model = model;
        this.policy = policy;
        this.specials = specials;
        trainMasker = new MlmMasker(policy, specials, model.config().vocabSize(), random);
    }

    @Override
    public String headline() {
        return "mlm_loss";
    }

    @Override
    public NDArray loss(ParameterStore store, Batch batch, NDManager manager) {
        MlmMasker.Masked masked = trainMasker.mask(batch);
        return CrossEntropy.mean(logits(store, batch, masked, manager, true), manager.create(masked.labels()));
    }

    /** Vocabulary logits {@code (M, V)} at the masked positions of a masked batch. */
    private NDArray logits(ParameterStore store, Batch batch, MlmMasker.Masked masked, NDManager manager,
            boolean training) {
        NDArray hidden = model.encode(store, ModelInput.of(batch, masked.inputIds(), manager), training);
        NDArray rows = hidden.reshape(-1, model.config().hiddenSize()).get(manager.create(masked.positions()));
        return model.mlmLogits(store, rows, training);
    }

    @Override
    public Evaluation newEvaluation() {
        MlmMasker masker = new MlmMasker(policy, specials, model.config().vocabSize(), new Random(EVAL_MASK_SEED));
        return new Evaluation() {
            private double lossSum;
            private long correct;
            private long predicted;

            @Override
            public void add(ParameterStore store, Batch batch, NDManager manager) {
                MlmMasker.Masked masked = masker.mask(batch);
                NDArray logits = logits(store, batch, masked, manager, false);
                NDArray labels = manager.create(masked.labels());
                lossSum += CrossEntropy.mean(logits, labels).getFloat() * masked.labels().length;
                long[] best = logits.argMax(1).toLongArray();
                for (int i = 0; i < best.length; i++) {
                    correct += best[i] == masked.labels()[i] ? 1 : 0;
                }
                predicted += best.length;
            }

            @Override
            public List<Metric> metrics() {
                if (predicted == 0) {
                    return List.of(new Metric("mlm_loss", Double.NaN), new Metric("mlm_accuracy", Double.NaN));
                }
                return List.of(new Metric("mlm_loss", lossSum / predicted),
                        new Metric("mlm_accuracy", (double) correct / predicted));
            }
        };
    }
}
