package ftenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stand-ins on the real corpora (fetched once into the data directory). */
class StandInsTest {

    private static final ErrorBudget BUDGET = new ErrorBudget(0.01);

    @Test
    void sentiment_3000Sentences_balanced_emptyTrailingEntriesReported() {
        LoadedTask<TextRecord> task = SentimentSentences.load(RealData.store(), BUDGET);

        assertEquals(3000, task.records().size());
        assertEquals(3, task.read().issues().size());
        Map<String, Long> byLabel = task.records().stream().collect(Collectors.groupingBy(TextRecord::label, Collectors.counting()));
        assertEquals(Map.of("0", 1500L, "1", 1500L), byLabel);
        assertEquals("sst2", task.info().standsInFor());
    }

    @Test
    void spam_6046Emails_hamAndSpamFromGroups_headersDropped() {
        LoadedTask<TextRecord> task = SpamEmails.load(RealData.store(), BUDGET);

        Map<String, Long> byLabel = task.records().stream().collect(Collectors.groupingBy(TextRecord::label, Collectors.counting()));
        assertEquals(6046, task.records().size() + task.read().issues().size());
        assertTrue(byLabel.get("ham") > 4100 && byLabel.get("ham") <= 4150, byLabel.toString());
        assertTrue(byLabel.get("spam") > 1850 && byLabel.get("spam") <= 1896, byLabel.toString());
        assertTrue(task.records().stream().noneMatch(r -> r.text().startsWith("Return-Path:")));
    }

    @Test
    void brownPos_57340Sentences_coarseTagsAsLabels() {
        LoadedTask<TaggedRecord> task = BrownPos.load(RealData.store(), BUDGET);

        assertEquals(57340, task.records().size());
        List<String> labels = task.info().labelNames();
        assertTrue(labels.contains("nn") && labels.contains("vbd") && labels.contains("at"), labels.toString());
        assertTrue(labels.size() < 110, labels.size() + " tags: " + labels);
        assertEquals("The", task.records().get(0).words().get(0));
    }

    @Test
    void sentencePairs_halfNext_deterministicPerSeed() {
        LoadedTask<TextRecord> a = SentencePairs.load(RealData.store(), 7, 5000);
        LoadedTask<TextRecord> b = SentencePairs.load(RealData.store(), 7, 5000);
        LoadedTask<TextRecord> c = SentencePairs.load(RealData.store(), 8, 5000);

        assertEquals(5000, a.records().size());
        assertEquals(a.records(), b.records());
        assertNotEquals(a.records(), c.records());
        long next = a.records().stream().filter(r -> r.label().equals("next")).count();
        assertTrue(next > 2300 && next < 2700, "next pairs: " + next);
        assertTrue(a.records().stream().allMatch(TextRecord::isPair));
    }

    @Test
    void clozeSpans_answersSitInContext_aboutAThirdUnanswerable() {
        LoadedTask<QaRecord> task = ClozeSpans.load(RealData.store(), 7, 0);

        assertTrue(task.records().size() > 5000, task.records().size() + " questions");
        long none = task.records().stream().filter(QaRecord::isUnanswerable).count();
        double share = (double) none / task.records().size();
        assertTrue(share > 0.25 && share < 0.4, "unanswerable share " + share);
        QaRecord answered = task.records().stream().filter(r -> !r.isUnanswerable()).findFirst().orElseThrow();
        assertTrue(answered.question().contains("what"), answered.question());
        assertEquals(ClozeSpans.load(RealData.store(), 7, 0).records(), task.records());
    }

    @Test
    void pretrainingPassages_coverSotuAndMobyDick_withinMaxChars() {
        LoadedTask<TextRecord> task = PretrainingCorpus.passages(RealData.store(), 2000);

        assertTrue(task.records().stream().allMatch(r -> r.text().length() <= 2000));
        assertTrue(task.records().get(0).id().startsWith("sotu/1790"));
        assertTrue(task.records().get(task.records().size() - 1).id().startsWith("moby-dick/epilogue"));
    }

    @Test
    void splits_sameSeedSameSplit_exactValidationSize() {
        LoadedTask<TextRecord> task = SentimentSentences.load(RealData.store(), BUDGET);
        Splits<TextRecord> s1 = task.split(0.1, 42);
        Splits<TextRecord> s2 = task.split(0.1, 42);
        Splits<TextRecord> s3 = task.split(0.1, 43);

        assertEquals(300, s1.validation().size());
        assertEquals(2700, s1.train().size());
        assertEquals(s1, s2);
        assertNotEquals(s1.validation(), s3.validation());
    }
}
