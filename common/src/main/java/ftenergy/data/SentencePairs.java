package ftenergy.data;

import ftenergy.data.internal.BrownCorpus;
import ftenergy.data.internal.Detokenizer;
import ftenergy.data.internal.SentenceSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Stand-in for MNLI/RTE's input shape: sentence pairs from the Brown Corpus and the State of the
 * Union addresses, labelled {@code next} when the second sentence follows the first in the same
 * document and {@code random} when it was drawn from another document of the same source (half
 * each, by seed). It exercises the pair path (two segments, type ids 0/1) with real text; it is
 * not an entailment task.
 */
public final class SentencePairs {

    /** Task name in configs and tables. */
    public static final String NAME = "sentence-pairs";
    /** The task: binary, sentence pairs. */
    public static final TaskInfo INFO = new TaskInfo(NAME, TaskType.SEQUENCE_CLASSIFICATION, List.of("next", "random"), "mnli");

    private static final int MIN_CHARS = 20;
    private static final int MAX_CHARS = 600;

    private record Document(String id, List<String> sentences) {}

    private SentencePairs() {}

    /**
     * Builds the pairs: sentences 2k and 2k+1 of every document, the second replaced by a random
     * sentence of another document in half the cases.
     *
     * @param seed decides which pairs are random and which sentence replaces the second
     * @param maxPairs keep at most this many (a seeded sample, in document order); 0 keeps all
     */
    public static LoadedTask<TextRecord> load(CorpusStore store, long seed, int maxPairs) {
        List<TextRecord> records = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        records.addAll(pairs("brown", brownDocuments(store.path(Corpus.BROWN)), random));
        records.addAll(pairs("sotu", sotuDocuments(store.path(Corpus.SOTU)), random));
        List<TextRecord> kept = Sample.keep(records, maxPairs, seed);
        return new LoadedTask<>(INFO, new ReadResult<>(NAME, kept, List.of()));
    }

    private static List<TextRecord> pairs(String source, List<Document> documents, SplittableRandom random) {
        List<TextRecord> out = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            List<String> sentences = documents.get(d).sentences();
            for (int k = 0; k + 1 < sentences.size(); k += 2) {
                boolean next = random.nextBoolean();
                String second = sentences.get(k + 1);
                if (!next && documents.size() > 1) {
                    int other = random.nextInt(documents.size() - 1);
                    other = other >= d ? other + 1 : other;
                    List<String> pool = documents.get(other).sentences();
                    second = pool.get(random.nextInt(pool.size()));
                }
                out.add(new TextRecord(source + "/" + documents.get(d).id() + "#" + k, sentences.get(k), second,
                        next || documents.size() == 1 ? "next" : "random"));
            }
        }
        return out;
    }

    private static List<Document> brownDocuments(Path folder) {
        try {
            List<Document> out = new ArrayList<>();
            for (List<BrownCorpus.Sentence> document : BrownCorpus.read(folder)) {
                List<String> sentences = document.stream().map(s -> Detokenizer.join(s.words()).text())
                        .filter(SentencePairs::usable).toList();
                if (sentences.size() >= 2) {
                    out.add(new Document(document.get(0).file(), sentences));
                }
            }
            return out;
        } catch (IOException e) {
            throw new TaskDataException(folder.toString(), "cannot read the Brown Corpus: " + e.getMessage(), e);
        }
    }

    private static List<Document> sotuDocuments(Path packageDir) {
        Path data = packageDir.resolve("data");
        try (Stream<Path> list = Files.list(data)) {
            List<Document> out = new ArrayList<>();
            for (Path file : list.filter(p -> p.getFileName().toString().matches("\\d{4}_.*\\.txt")).sorted().toList()) {
                List<String> sentences = SentenceSplitter.split(Files.readString(file, StandardCharsets.UTF_8)).stream()
                        .filter(SentencePairs::usable).toList();
                if (sentences.size() >= 2) {
                    out.add(new Document(file.getFileName().toString().replaceFirst("\\.txt$", ""), sentences));
                }
            }
            return out;
        } catch (IOException e) {
            throw new TaskDataException(data.toString(), "cannot read State of the Union texts: " + e.getMessage(), e);
        }
    }

    private static boolean usable(String sentence) {
        return sentence.length() >= MIN_CHARS && sentence.length() <= MAX_CHARS;
    }
}
