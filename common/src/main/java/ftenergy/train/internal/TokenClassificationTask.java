package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.predict.HeadDecoder;
import ftenergy.predict.Scorer;
import ftenergy.model.BertModel;
import ftenergy.model.ModelInput;
import java.util.ArrayList;
import java.util.List;

/**
 * One tag per labelled token (the first sub-token of each word; {@link Example#IGNORE} elsewhere);
 * scored over the word-level tags by entity F1 (seqeval's) where the tags are IOB chunk tags, by
 * token accuracy otherwise ({@link Scorer}).
 */
public final class TokenClassificationTask implements HeadTask {

    private final BertModel model;
    private final HeadDecoder decoder;

    /** Trains and scores {@code model}'s token-classification head. */
    public TokenClassificationTask(BertModel model) {
        this.model = model;
        this.decoder = new HeadDecoder(model, 1);
    }

    @Override
    public String headline() {
        return Scorer.headline(model.head());
    }

    @Override
    public NDArray loss(ParameterStore store, Batch batch, NDManager manager) {
        List<long[]> labelled = labelled(batch);
        NDArray hidden = model.encode(store, ModelInput.of(batch, manager), true);
        NDArray rows = hidden.reshape(-1, model.config().hiddenSize()).get(manager.create(labelled.get(0)));
        return CrossEntropy.mean(model.tokenLogits(store, rows, true), manager.create(labelled.get(1)));
    }

    /** Flat positions of labelled tokens and their labels. */
    private List<long[]> labelled(Batch batch) {
        int tags = model.head().outputs();
        List<Long> positions = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        for (int row = 0; row < batch.size(); row++) {
            Example example = batch.examples().get(row);
            if (example.tokenLabels().length != example.length()) {
                throw new IllegalArgumentException("example " + example.exampleId() + " of " + example.task()
                        + " has no token labels; a token-classification task needs one per token");
            }
            for (int col = 0; col < example.length(); col++) {
                int label = example.tokenLabels()[col];
                if (label == Example.IGNORE) {
                    continue;
                }
                if (label < 0 || label >= tags) {
                    throw new IllegalArgumentException("example " + example.exampleId() + " has tag " + label
                            + " at token " + col + ", expected 0.." + (tags - 1));
                }
                positions.add((long) row * batch.seqLen() + col);
                labels.add((long) label);
            }
        }
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("batch starting with " + batch.examples().get(0).exampleId()
                    + " has no labelled token");
        }
        return List.of(positions.stream().mapToLong(Long::longValue).toArray(),
                labels.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public Evaluation newEvaluation() {
        return HeadTask.scoring(decoder, new Scorer(model.head()));
    }
}
