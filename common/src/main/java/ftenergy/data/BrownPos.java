package ftenergy.data;

import ftenergy.data.internal.BrownCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Stand-in for CoNLL-2003: part-of-speech tagging of the Brown Corpus's 57,340 sentences, one tag
 * per word, first sub-token labelled. Tags are Brown's, coarsened (see
 * {@link BrownCorpus#coarseTag}); the label list is every coarse tag in the corpus, sorted.
 */
public final class BrownPos {

    /** Task name in configs and tables. */
    public static final String NAME = "brown-pos";

    private BrownPos() {}

    /** Reads every sentence; ids are {@code <sample file>:<line>}. */
    public static LoadedTask<TaggedRecord> load(CorpusStore store, ErrorBudget budget) {
        return read(store.path(Corpus.BROWN), budget);
    }

    static LoadedTask<TaggedRecord> read(Path packageDir, ErrorBudget budget) {
        List<List<BrownCorpus.Sentence>> documents;
        try {
            documents = BrownCorpus.read(packageDir);
        } catch (IOException e) {
            throw new TaskDataException(packageDir.toString(), "cannot read the Brown Corpus: " + e.getMessage(), e);
        }
        List<TaggedRecord> records = new ArrayList<>();
        TreeSet<String> tagSet = new TreeSet<>();
        for (List<BrownCorpus.Sentence> document : documents) {
            for (BrownCorpus.Sentence s : document) {
                List<String> tags = s.tags().stream().map(BrownCorpus::coarseTag).toList();
                tagSet.addAll(tags);
                records.add(new TaggedRecord(s.file() + ":" + s.line(), s.words(), tags));
            }
        }
        TaskInfo info = new TaskInfo(NAME, TaskType.TOKEN_CLASSIFICATION, List.copyOf(tagSet), "conll2003");
        return new LoadedTask<>(info, budget.check(new ReadResult<>(packageDir.toString(), records, List.of())));
    }
}
