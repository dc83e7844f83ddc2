package ftenergy.train;

/**
 * DistilBERT's distillation loss: {@code ce × KL(teacher || student at temperature T) × T²
 * + mlm × masked-LM loss + cosine × (1 − cos(student, teacher last hidden states))}, the first and
 * last over every real token, the MLM term over the masked ones.
 *
 * @param temperature softmax temperature {@code T} of the soft targets
 * @param ceWeight weight of the soft-target term
 * @param mlmWeight weight of the masked-LM term
 * @param cosineWeight weight of the hidden-state cosine term
 */
public record DistillLoss(double temperature, double ceWeight, double mlmWeight, double cosineWeight) {

    /** DistilBERT's published settings: T = 2, weights 5 / 2 / 1. */
    public static final DistillLoss DISTILBERT = new DistillLoss(2.0, 5.0, 2.0, 1.0);

    public DistillLoss {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
        if (ceWeight < 0 || mlmWeight < 0 || cosineWeight < 0 || ceWeight + mlmWeight + cosineWeight == 0) {
            throw new IllegalArgumentException("loss weights must be >= 0 and not all 0: ce " + ceWeight
                    + ", mlm " + mlmWeight + ", cosine " + cosineWeight);
        }
    }
}
