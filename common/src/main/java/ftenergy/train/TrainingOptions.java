package ftenergy.train;

/**
 * Training settings that are not swept (so not in {@code Hyperparameters}).
 *
 * <p>Example: {@code TrainingOptions.DEFAULTS.withDistillLoss(new DistillLoss(4.0, 5, 2, 1))}.
 *
 * @param maxGradNorm global L2 norm gradients are clipped to (1.0 as BERT); 0 for no clipping
 * @param masking masked-LM masking of pre-training and distillation
 * @param distillLoss distillation temperature and weights
 * @param maxAnswerTokens longest answer span QA evaluation predicts (30 as SQuAD's scripts)
 */
public record TrainingOptions(double maxGradNorm, MaskingPolicy masking, DistillLoss distillLoss, int maxAnswerTokens) {

    /** BERT's and DistilBERT's published settings. */
    public static final TrainingOptions DEFAULTS =
            new TrainingOptions(1.0, MaskingPolicy.BERT, DistillLoss.DISTILBERT, 30);

    public TrainingOptions {
        if (maxGradNorm < 0) {
            throw new IllegalArgumentException("max gradient norm must be >= 0, was " + maxGradNorm);
        }
        if (maxAnswerTokens <= 0) {
            throw new IllegalArgumentException("max answer tokens must be > 0, was " + maxAnswerTokens);
        }
    }

    /** These options with other distillation settings. */
    public TrainingOptions withDistillLoss(DistillLoss loss) {
        return new TrainingOptions(maxGradNorm, masking, loss, maxAnswerTokens);
    }
}
