package ftenergy.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.data.Example;
import ftenergy.data.TaskType;
import ftenergy.model.ModelException;
import ftenergy.model.TaskHead;
import ftenergy.text.Encoded;
import ftenergy.train.SingleThreadTorch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SingleThreadTorch.class)
class PredictorTest {

    private static final List<String> TEXTS = List.of("the film was good", "bad", "a good cast and a bad plot in a long film",
            "the cast", "good good good bad bad film plot");

    @TempDir
    Path dir;

    private Path checkpoint(String name, TaskHead head) throws Exception {
        return TinyCheckpoints.write(dir, name, head);
    }

    @Test
    void predictions_doNotDependOnTheBatchTheyRanIn() throws Exception {
        Path classifier = checkpoint("classifier", new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("negative", "positive")));
        try (Predictor predictor = Predictor.open(classifier, List.of(), 32)) {
            List<Example> examples = new ArrayList<>();
            List<Prediction> alone = new ArrayList<>();
            for (int i = 0; i < TEXTS.size(); i++) {
                Example example = predictor.example("t" + i, predictor.encode(TEXTS.get(i), null));
                examples.add(example);
                alone.add(predictor.describe(predictor.predict(List.of(example)).get(0), example, null, null));
            }
            // One padded batch: padding must not change any example's prediction.
            List<HeadOutput> together = predictor.predict(examples);
            for (int i = 0; i < TEXTS.size(); i++) {
                Prediction batched = predictor.describe(together.get(i), examples.get(i), null, null);
                assertEquals(alone.get(i).label(), batched.label(), TEXTS.get(i));
                assertEquals(alone.get(i).score(), batched.score(), 1e-4, TEXTS.get(i));
                assertTrue(batched.score() >= 0.5 && batched.score() <= 1, "probability of the arg-max of 2 classes");
                assertTrue(List.of("negative", "positive").contains(batched.label()));
            }
        }
    }

    @Test
    void tokenTags_comeOnePerWordAndAnswersAreCutFromTheContext() throws Exception {
        Path tagger = checkpoint("tagger", new TaskHead(TaskType.TOKEN_CLASSIFICATION, List.of("O", "B-X", "I-X")));
        try (Predictor predictor = Predictor.open(tagger, List.of(), 32)) {
            Encoded encoded = predictor.encode("the  filmwas good", null);
            Example example = predictor.example("w", encoded);
            Prediction p = predictor.describe(predictor.predict(List.of(example)).get(0), example, encoded, null);
            assertEquals(3, p.tags().size(), "one tag per whitespace word, however many pieces: " + p.tags());
            assertThrows(IllegalArgumentException.class, () -> predictor.encode("a", "b"));
        }
        Path reader = checkpoint("reader", new TaskHead(TaskType.SPAN_QA, List.of()));
        try (Predictor predictor = Predictor.open(reader, List.of(), 32)) {
            String context = "the Tower stands there";
            Encoded encoded = predictor.encode("who stands?", context);
            Example example = predictor.example("q", encoded);
            Prediction p = predictor.describe(predictor.predict(List.of(example)).get(0), example, encoded, context);
            assertTrue(p.answer().isEmpty() || context.contains(p.answer()), p.answer());
            assertThrows(IllegalArgumentException.class, () -> predictor.encode("who?", null));
        }
    }

    @Test
    void badCheckpointsAndInputs_areRefusedByName() throws Exception {
        Path pretrained = checkpoint("pretrained", TaskHead.maskedLm());
        ModelException refused = assertThrows(ModelException.class, () -> Predictor.open(pretrained, List.of(), 32));
        assertTrue(refused.getMessage().contains("inference needs a fine-tuned checkpoint"), refused.getMessage());
        assertTrue(refused.getMessage().contains("pretrained"), refused.getMessage());

        Path classifier = checkpoint("classifier", new TaskHead(TaskType.SEQUENCE_CLASSIFICATION, List.of("n", "p")));
        assertThrows(IllegalArgumentException.class, () -> Predictor.open(classifier, List.of(), 65), "beyond 64 positions");
        try (Predictor predictor = Predictor.open(classifier, List.of(), 32)) {
            IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                    () -> predictor.example("row-7", new int[] {2, 999, 3}, new int[3]));
            assertTrue(foreign.getMessage().contains("input row-7 has token id 999"), foreign.getMessage());
        }
    }
}
