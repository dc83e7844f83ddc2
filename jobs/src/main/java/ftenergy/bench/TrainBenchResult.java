package ftenergy.bench;

import java.util.List;

/**
 * One model size's throughput and utilisation over its rounds.
 *
 * @param model the model's name ({@code bert-mini})
 * @param shape layers, hidden, heads, feed-forward and vocabulary ({@code L4/H256/A4/I1024/V30522})
 * @param stepsPerRound fine-tuning steps timed together in each round
 * @param stepSeconds median over the rounds of seconds per fine-tuning step
 * @param tokensPerSecond real tokens per second at the median step time
 * @param stepFlops matmul FLOPs of one step ({@link StepFlops#trainingStep})
 * @param peakFlopsPerSecond median large-matmul FLOP rate measured between the rounds
 * @param roundMfus each round's utilisation, (step FLOPs / step seconds) / that round's peak, in round order
 */
public record TrainBenchResult(String model, String shape, int stepsPerRound, double stepSeconds, double tokensPerSecond,
        double stepFlops, double peakFlopsPerSecond, List<Double> roundMfus) {

    public TrainBenchResult {
        roundMfus = List.copyOf(roundMfus);
    }

    /** How utilisation spread over the rounds. */
    public RoundSpread mfuSpread() {
        return RoundSpread.of(roundMfus);
    }

    /** Median utilisation over the rounds. */
    public double mfu() {
        return mfuSpread().median();
    }

    /** Achieved matmul FLOP rate at the median step time. */
    public double achievedFlopsPerSecond() {
        return stepFlops / stepSeconds;
    }
}
