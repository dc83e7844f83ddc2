package ftenergy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ftenergy.model.BertConfig;
import ftenergy.run.ModelSpec;
import org.junit.jupiter.api.Test;

class StepFlopsTest {

    static final BertConfig BASE = BertConfig.of(new ModelSpec("bert-base", 12, 768, 12, 3072, "scratch"), 30522);

    @Test
    void bertBaseForward_isTwoFlopsPerMatmulWeightPerTokenPlusAttention() {
        // Per layer and token: 2 x (4 H^2 + 2 H I) weights, plus Q.K^T and attention.V over 128 positions.
        double perLayer = 128 * 2.0 * (4 * 768 * 768 + 2 * 768 * 3072) + 4.0 * 128 * 128 * 768;
        double expected = 12 * perLayer + 2.0 * 768 * 768 + 2.0 * 768 * 2;
        assertEquals(22_348_434_432.0, expected);
        assertEquals(expected, StepFlops.forward(BASE, 1, 128, 2));
    }

    @Test
    void trainingStep_isThreeForwards_andScalesWithBatch() {
        assertEquals(3 * StepFlops.forward(BASE, 32, 128, 2), StepFlops.trainingStep(BASE, 32, 128, 2));
        double encoder = StepFlops.forward(BASE, 1, 128, 2) - 2.0 * 768 * 768 - 2.0 * 768 * 2;
        assertEquals(32 * encoder + 32 * (2.0 * 768 * 768 + 2.0 * 768 * 2), StepFlops.forward(BASE, 32, 128, 2), 1.0);
    }
}
