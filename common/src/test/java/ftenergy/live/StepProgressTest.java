package ftenergy.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void noStep_readsNone() {
        assertEquals(LiveProgress.NONE, new StepProgress().at(5 * SECOND));
    }

    @Test
    void rate_isTheRecentStepsTokensOverTheirOwnSeconds() {
        StepProgress p = new StepProgress();
        p.add(1 * SECOND, 10, 100, 0.5);
        p.add(20 * SECOND, 10, 300, 0.5);
        p.add(21 * SECOND, 10, 200, 0.5);
        LiveProgress at = p.at(22 * SECOND);
        // the step at 1 s is more than 10 s old: only the last two count
        assertEquals(500 / 1.0, at.tokensPaddedPerSecond(), 1e-9);
        assertEquals(3, at.steps());
        assertEquals(30, at.tokensReal());
        assertEquals(600, at.tokensPadded());
    }

    @Test
    void stall_readsZeroRateButKeepsTheCounts() {
        StepProgress p = new StepProgress();
        p.add(1 * SECOND, 10, 100, 0.5);
        LiveProgress at = p.at(30 * SECOND);
        assertEquals(0, at.tokensPaddedPerSecond());
        assertEquals(1, at.steps());
    }

    @Test
    void stepsLongerThanTheWindow_stretchItToTwoSteps() {
        StepProgress p = new StepProgress();
        p.add(30 * SECOND, 10, 1000, 20);
        assertEquals(50, p.at(60 * SECOND).tokensPaddedPerSecond(), 1e-9);
        assertEquals(0, p.at(71 * SECOND).tokensPaddedPerSecond());
    }

    @Test
    void moreStepsThanItKeeps_rateFromTheNewestAndCountsOfAll() {
        StepProgress p = new StepProgress();
        int steps = StepProgress.CAPACITY * 3 + 7;
        for (int i = 0; i < steps; i++) {
            p.add(SECOND + i * 1000L, 1, i < steps - StepProgress.CAPACITY ? 1 : 4, 0.001);
        }
        LiveProgress at = p.at(2 * SECOND);
        assertEquals(4000, at.tokensPaddedPerSecond(), 1e-6);
        assertEquals(steps, at.steps());
    }
}
