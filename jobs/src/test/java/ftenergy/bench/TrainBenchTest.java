package ftenergy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ftenergy.model.BertConfig;
import ftenergy.run.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainBenchTest {

    static final TrainBenchSettings TOY = new TrainBenchSettings(
            List.of(new ModelSpec("toy-a", 1, 32, 2, 64, "scratch"), new ModelSpec("toy-b", 2, 32, 2, 64, "scratch")),
            4, 16, 3, 1e-9, 1, 1, BenchClock.THREAD_CPU, 64, 7);

    @Test
    void run_printsOneLinePerModel_withItsFlopsAndPositiveRates() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<TrainBenchResult> results = TrainBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), TOY);
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(List.of("toy-a", "toy-b"), results.stream().map(TrainBenchResult::model).toList());
        for (TrainBenchResult result : results) {
            assertTrue(output.lines().anyMatch(l -> l.startsWith(result.model() + " ")), output);
            assertEquals(3, result.roundMfus().size());
            assertEquals(1, result.stepsPerRound(), "a round of 1 ns is one step");
            assertTrue(result.stepSeconds() > 0 && result.peakFlopsPerSecond() > 0 && result.mfu() > 0, result.toString());
            RoundSpread spread = result.mfuSpread();
            assertTrue(spread.min() <= spread.lowerQuartile() && spread.lowerQuartile() <= spread.median()
                    && spread.median() <= spread.upperQuartile() && spread.upperQuartile() <= spread.max(), spread.toString());
            assertEquals(4 * 16 / result.stepSeconds(), result.tokensPerSecond(), 1e-6 * result.tokensPerSecond());
        }
        BertConfig toyB = BertConfig.of(TOY.models().get(1), 30522);
        assertEquals(StepFlops.trainingStep(toyB, 4, 16, 2), results.get(1).stepFlops());
        assertTrue(output.contains("step FLOPs = 3 x forward"), output);
        assertTrue(output.contains("1 intra-op thread(s), clock thread-cpu"), output);
        assertTrue(output.lines().filter(l -> l.startsWith("toy-")).allMatch(l -> l.contains("min ") && l.contains("IQR ")
                && l.contains("3 rounds of 1 steps")), output);
    }

    @Test
    void stepsPerRound_coverTheRoundAtTheWarmUpPace() {
        assertEquals(10, TrainBench.stepsPerRound(3.0, 0.3));
        assertEquals(11, TrainBench.stepsPerRound(3.0, 0.29));
        assertEquals(1, TrainBench.stepsPerRound(3.0, 5.0));
        assertEquals(1, TrainBench.stepsPerRound(3.0, 0));
    }

    @Test
    void warmUpOfNoSteps_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainBenchSettings(
                TOY.models(), 4, 16, 3, 1.0, 0, 1, BenchClock.THREAD_CPU, 64, 7));
        assertTrue(e.getMessage().contains("warm-up >= 1"), e.getMessage());
    }

    @Test
    void syntheticBatch_isFullLengthWithClsAndSep() {
        var batch = TrainBench.syntheticBatch(TOY);
        assertEquals(4, batch.size());
        assertEquals(16, batch.seqLen());
        assertEquals(4 * 16, batch.tokensReal());
        assertEquals(101, batch.examples().get(0).inputIds()[0]);
        assertEquals(102, batch.examples().get(3).inputIds()[15]);
    }

    @Test
    void threadCpuClock_withSeveralThreads_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TOY.withThreads(2));
        assertTrue(e.getMessage().contains("needs 1 intra-op thread"), e.getMessage());
    }
}
