package ftenergy.data;

import ftenergy.data.internal.BrownCorpus;
import ftenergy.data.internal.Detokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Stand-in for SQuAD v2.0's input shape: cloze-style extractive questions over Brown Corpus
 * passages. A passage is five consecutive sentences of one sample; one of its sentences becomes
 * the question with a proper-noun or number phrase (found through Brown's tags) replaced by
 * "what", and that phrase in the passage is the answer. A third of the questions (by seed) are
 * paired with a passage from another sample instead and have no answer. It exercises the QA path
 * (question/context pairs, character spans to token spans, [CLS] for no answer) with real text;
 * it is not reading comprehension: the answer is found by matching the rest of the sentence.
 */
public final class ClozeSpans {

    /** Task name in configs and tables. */
    public static final String NAME = "cloze-spans";
    /** The task: extractive spans, unanswerable questions included. */
    public static final TaskInfo INFO = new TaskInfo(NAME, TaskType.SPAN_QA, List.of(), "squad_v2");

    private static final int PASSAGE_SENTENCES = 5;
    private static final Set<String> ANSWER_TAGS = Set.of("np", "nps", "cd");

    private record Passage(String id, String context, List<Cloze> clozes) {}

    private record Cloze(String question, String answer, int answerStart) {}

    private ClozeSpans() {}

    /**
     * Builds one question per passage that has a proper-noun or number phrase.
     *
     * @param seed decides the sentence, the phrase and which questions become unanswerable
     * @param maxQuestions keep at most this many (a seeded sample, in passage order); 0 keeps all
     */
    public static LoadedTask<QaRecord> load(CorpusStore store, long seed, int maxQuestions) {
        List<List<BrownCorpus.Sentence>> documents;
        try {
            documents = BrownCorpus.read(store.path(Corpus.BROWN));
        } catch (IOException e) {
            throw new TaskDataException(store.path(Corpus.BROWN).toString(), "cannot read the Brown Corpus: " + e.getMessage(), e);
        }
        List<Passage> passages = new ArrayList<>();
        List<Integer> passageDocument = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            List<BrownCorpus.Sentence> doc = documents.get(d);
            for (int start = 0; start + PASSAGE_SENTENCES <= doc.size(); start += PASSAGE_SENTENCES) {
                passages.add(passage(doc.subList(start, start + PASSAGE_SENTENCES)));
                passageDocument.add(d);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<QaRecord> records = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            Passage passage = passages.get(p);
            if (passage.clozes().isEmpty()) {
                continue;
            }
            Cloze cloze = passage.clozes().get(random.nextInt(passage.clozes().size()));
            if (random.nextInt(3) == 0) {
                int other = random.nextInt(passages.size());
                if (!passageDocument.get(other).equals(passageDocument.get(p))) {
                    records.add(new QaRecord(passage.id() + "/none", cloze.question(), passages.get(other).context(), List.of()));
                    continue;
                }
            }
            records.add(new QaRecord(passage.id(), cloze.question(), passage.context(),
                    List.of(new QaRecord.Answer(cloze.answer(), cloze.answerStart()))));
        }
        return new LoadedTask<>(INFO, new ReadResult<>(NAME, Sample.keep(records, maxQuestions, seed), List.of()));
    }

    private static Passage passage(List<BrownCorpus.Sentence> sentences) {
        StringBuilder context = new StringBuilder();
        List<Cloze> clozes = new ArrayList<>();
        for (BrownCorpus.Sentence s : sentences) {
            if (context.length() > 0) {
                context.append(' ');
            }
            int offset = context.length();
            Detokenizer.Joined joined = Detokenizer.join(s.words());
            context.append(joined.text());
            List<String> tags = s.tags().stream().map(BrownCorpus::coarseTag).toList();
            for (int i = 0; i < tags.size(); ) {
                if (!ANSWER_TAGS.contains(tags.get(i))) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < tags.size() && ANSWER_TAGS.contains(tags.get(j))) {
                    j++;
                }
                int charStart = joined.starts()[i];
                int charEnd = joined.starts()[j - 1] + Detokenizer.surface(s.words().get(j - 1)).length();
                List<String> questionWords = new ArrayList<>(s.words().subList(0, i));
                questionWords.add("what");
                questionWords.addAll(s.words().subList(j, s.words().size()));
                String question = Detokenizer.join(questionWords).text();
                clozes.add(new Cloze(question, joined.text().substring(charStart, charEnd), offset + charStart));
                i = j;
            }
        }
        return new Passage(sentences.get(0).file() + ":" + sentences.get(0).line(), context.toString(), clozes);
    }
}
