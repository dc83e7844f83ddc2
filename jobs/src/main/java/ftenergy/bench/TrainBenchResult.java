package ftenergy.bench;

import java.util.List;

/**
 * One model size's throughput and utilisation; times are medians over the rounds.
 *
 * @param model the model's name ({@code bert-mini})
 * @param shape layers, hidden, heads, feed-forward and vocabulary ({@code L4/H256/A4/I1024/V30522})
 * @param stepSeconds median seconds per fine-tuning step
 * @param tokensPerSecond real tokens per second at the median step time
 * @param stepFlops matmul FLOPs of one step ({@link StepFlops#trainingStep})
 * @param peakFlopsPerSecond median large-matmul FLOP rate measured between the rounds
 * @param mfu median over the rounds of (step FLOPs / step seconds) / that round's peak
 * @param roundMfus each round's utilisation, in round order
 */
public record TrainBenchResult(String model, String shape, double stepSeconds, double tokensPerSecond,
        double stepFlops, double peakFlopsPerSecond, double mfu, List<Double> roundMfus) {

    public TrainBenchResult {
        roundMfus = List.copyOf(roundMfus);
    }

    /** Achieved matmul FLOP rate at the median step time. */
    public double achievedFlopsPerSecond() {
        return stepFlops / stepSeconds;
    }
}
