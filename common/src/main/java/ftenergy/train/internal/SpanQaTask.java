package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ftenergy.data.Batch;
import ftenergy.data.Example;
import ftenergy.model.BertModel;
import ftenergy.infer.HeadDecoder;
import ftenergy.infer.HeadOutput;
import ftenergy.model.ModelInput;
import ftenergy.text.TokenSpan;
import ftenergy.text.Vocabulary;
import java.util.Arrays;
import java.util.List;

/**
 * Extractive QA: start and end token of the answer in the context (type id 1), or [CLS] at
 * position 0 for "no answer" (SQuAD v2). Predicts the best span of at most {@code maxAnswerTokens}
 * inside the context, or no answer when the [CLS] score beats it (SQuAD v2's null threshold 0).
 * Scored by SQuAD's exact match and F1, on decoded text when a vocabulary is given, otherwise on
 * the token-id spans.
 */
public final class SpanQaTask implements HeadTask {

    private final BertModel model;
    private final Vocabulary vocabulary;
    private final HeadDecoder decoder;

    /**
     * @param vocabulary decodes answers to text for SQuAD's normalised scoring; {@code null} to
     *     score token-id spans
     */
    public SpanQaTask(BertModel model, int maxAnswerTokens, Vocabulary vocabulary) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.decoder = new HeadDecoder(model, maxAnswerTokens);
    }

    @Override
    public String headline() {
        return "f1";
    }

    @Override
    public NDArray loss(ParameterStore store, Batch batch, NDManager manager) {
        ModelInput input = ModelInput.of(batch, manager);
        NDArray sequence = model.encode(store, input, true);
        NDList startEnd = model.spanLogits(store, sequence, input.attentionMask(), true);
        long[] starts = new long[batch.size()];
        long[] ends = new long[batch.size()];
        for (int i = 0; i < starts.length; i++) {
            Example example = checked(batch.examples().get(i));
            starts[i] = example.spanStart();
            ends[i] = example.spanEnd();
        }
        NDArray startLoss = CrossEntropy.mean(startEnd.get(0), manager.create(starts));
        NDArray endLoss = CrossEntropy.mean(startEnd.get(1), manager.create(ends));
        return startLoss.add(endLoss).divi(2f);
    }

    private static Example checked(Example example) {
        int start = example.spanStart();
        int end = example.spanEnd();
        if (start < 0 || end < start || end >= example.length() || (start == 0) != (end == 0)) {
            throw new IllegalArgumentException("example " + example.exampleId() + " of " + example.task()
                    + " has answer span " + start + ".." + end + " in " + example.length()
                    + " tokens; expected 0..0 (no answer) or a span inside the sequence");
        }
        return example;
    }

    @Override
    public Evaluation newEvaluation() {
        SquadScore score = new SquadScore();
        return new Evaluation() {
            @Override
            public void add(ParameterStore store, Batch batch, NDManager manager) {
                List<HeadOutput> outputs = decoder.decode(store, batch, manager);
                for (int row = 0; row < batch.size(); row++) {
                    Example example = checked(batch.examples().get(row));
                    TokenSpan span = outputs.get(row).span();
                    int[] predicted = {span.start(), span.end()};
                    int[] ids = example.inputIds();
                    if (vocabulary != null) {
                        score.add(answerText(vocabulary, ids, predicted),
                                answerText(vocabulary, ids, new int[] {example.spanStart(), example.spanEnd()}));
                    } else {
                        score.add(tokens(ids, predicted), tokens(ids, new int[] {example.spanStart(), example.spanEnd()}));
                    }
                }
            }

            @Override
            public List<Metric> metrics() {
                return List.of(new Metric("f1", score.f1()), new Metric("exact_match", score.exactMatch()));
            }
        };
    }

    /**
     * The span's text ("" for no answer), WordPiece-joined: {@code ##} pieces glue to the previous
     * token, others are separated by a space.
     */
    static String answerText(Vocabulary vocabulary, int[] ids, int[] span) {
        StringBuilder text = new StringBuilder();
        for (int i = span[0]; span[0] != 0 && i <= span[1]; i++) {
            String token = ids[i] < vocabulary.size() ? vocabulary.token(ids[i]) : Vocabulary.UNK;
            if (token.startsWith(Vocabulary.CONTINUATION)) {
                text.append(token, Vocabulary.CONTINUATION.length(), token.length());
            } else {
                text.append(text.length() > 0 ? " " : "").append(token);
            }
        }
        return text.toString();
    }

    private static int[] tokens(int[] ids, int[] span) {
        return span[0] == 0 ? new int[0] : Arrays.copyOfRange(ids, span[0], span[1] + 1);
    }
}
