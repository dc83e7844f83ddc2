package ftenergy.train;

import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.data.TaskType;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small learnable tasks over a 200-token vocabulary with BERT's special ids ([PAD] 0, [UNK] 100,
 * [CLS] 101, [SEP] 102, [MASK] 103): what a 2-layer, 32-wide BERT can learn in a few hundred CPU
 * steps, so each head's test can fail when the head does not learn.
 */
final class SyntheticTasks {

    static final int VOCAB = 200;
    static final int CLS = 101;
    static final int SEP = 102;
    static final ModelSpec TINY = new ModelSpec("bert-toy", 2, 32, 2, 64, "scratch");

    private SyntheticTasks() {}

    /** A filler token: never special, never one of the signal ranges 10..29. */
    private static int filler(Random random) {
        return 30 + random.nextInt(70);
    }

    private static Example example(String task, int index, List<Integer> first, List<Integer> second, int label,
            int[] tokenLabels, int spanStart, int spanEnd) {
        List<Integer> ids = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        ids.add(CLS);
        types.add(0);
        for (int id : first) {
            ids.add(id);
            types.add(0);
        }
        ids.add(SEP);
        types.add(0);
        if (second != null) {
            for (int id : second) {
                ids.add(id);
                types.add(1);
            }
            ids.add(SEP);
            types.add(1);
        }
        return new Example(task, "train", task + "-" + index, ids.stream().mapToInt(Integer::intValue).toArray(),
                types.stream().mapToInt(Integer::intValue).toArray(), label, tokenLabels, spanStart, spanEnd);
    }

    /** Label 1 when the sentence holds a token of 10..19, 0 when it holds one of 20..29. */
    static List<Example> sentiment(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            List<Integer> words = fillers(random, 3 + random.nextInt(8));
            words.add(random.nextInt(words.size() + 1), (label == 1 ? 10 : 20) + random.nextInt(10));
            examples.add(example("toy-sentiment", i, words, null, label, new int[0], -1, -1));
        }
        return examples;
    }

    /**
     * Pair task: one sentence of the pair holds a token of 10..19; label 1 when it is the second,
     * which the model can only tell from the segment (type) ids.
     */
    static List<Example> pairs(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            List<Integer> first = fillers(random, 2 + random.nextInt(5));
            List<Integer> second = fillers(random, 2 + random.nextInt(5));
            List<Integer> marked = label == 1 ? second : first;
            marked.add(random.nextInt(marked.size() + 1), 10 + random.nextInt(10));
            examples.add(example("toy-pairs", i, first, second, label, new int[0], -1, -1));
        }
        return examples;
    }

    static final List<String> TAGS = List.of("O", "B-ENT", "I-ENT");

    /** Entities: a token of 10..19 begins one (B-ENT), following tokens of 20..29 continue it (I-ENT). */
    static List<Example> entities(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Integer> words = new ArrayList<>();
            List<Integer> tags = new ArrayList<>();
            int length = 4 + random.nextInt(8);
            while (words.size() < length) {
                if (random.nextInt(4) == 0) {
                    words.add(10 + random.nextInt(10));
                    tags.add(1);
                    for (int k = random.nextInt(3); k > 0; k--) {
                        words.add(20 + random.nextInt(10));
                        tags.add(2);
                    }
                } else {
                    words.add(filler(random));
                    tags.add(0);
                }
            }
            int[] tokenLabels = new int[words.size() + 2];
            tokenLabels[0] = Example.IGNORE;
            tokenLabels[tokenLabels.length - 1] = Example.IGNORE;
            for (int k = 0; k < tags.size(); k++) {
                tokenLabels[k + 1] = tags.get(k);
            }
            examples.add(example("toy-ner", i, words, null, -1, tokenLabels, -1, -1));
        }
        return examples;
    }

    /**
     * QA: question [CLS] q [SEP], context with an answer of 1-3 tokens of 10..19 (or none: the
     * answer is [CLS], as SQuAD v2).
     */
    static List<Example> questions(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Integer> question = fillers(random, 2 + random.nextInt(3));
            List<Integer> context = fillers(random, 5 + random.nextInt(8));
            int start = 0;
            int end = 0;
            if (random.nextInt(3) > 0) {
                int at = random.nextInt(context.size() + 1);
                int length = 1 + random.nextInt(3);
                for (int k = 0; k < length; k++) {
                    context.add(at + k, 10 + random.nextInt(10));
                }
                start = question.size() + 2 + at;
                end = start + length - 1;
            }
            examples.add(example("toy-qa", i, question, context, -1, new int[0], start, end));
        }
        return examples;
    }

    /** Corpus for masked LM: runs of consecutive ids, so a masked token follows from its neighbours. */
    static List<Example> corpus(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 6 + random.nextInt(10);
            int first = 1 + random.nextInt(99 - length);
            List<Integer> words = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                words.add(first + k);
            }
            examples.add(example("toy-corpus", i, words, null, -1, new int[0], -1, -1));
        }
        return examples;
    }

    private static List<Integer> fillers(Random random, int count) {
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(filler(random));
        }
        return words;
    }

    static TaskInfo task(String name, TaskType type, List<String> labels) {
        return new TaskInfo(name, type, labels, "a test");
    }

    static Hyperparameters hyperparameters(double learningRate, int batchSize, int maxSteps) {
        return new Hyperparameters(learningRate, batchSize, 0, maxSteps, 64, 0.1, 0.01, false);
    }

    static RunSpec spec(RunKind kind, ModelSpec model, Hyperparameters hp, long seed) {
        return new RunSpec(kind.label() + "-" + seed, "test-sweep", kind, "toy", model, hp, seed, 0, List.of(), null);
    }
}
