package ftenergy.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearScheduleTest {

    @Test
    void schedule_warmsUpLinearlyThenDecaysWithoutAZeroStep() {
        LinearSchedule schedule = LinearSchedule.of(1.0, 0.1, 100);
        assertEquals(10, schedule.warmupSteps());
        assertEquals(0.1, schedule.rate(1), 1e-12);
        assertEquals(1.0, schedule.rate(10), 1e-12);
        assertEquals(1.0, schedule.rate(11), 1e-12);
        assertEquals(1.0 / 90, schedule.rate(100), 1e-12);
        assertEquals(0.5, schedule.rate(56), 1e-12);
    }

    @Test
    void schedule_withoutWarmupStartsAtPeak() {
        LinearSchedule schedule = LinearSchedule.of(2.0, 0.0, 4);
        assertEquals(List.of(2.0, 1.5, 1.0, 0.5), List.of(schedule.rate(1), schedule.rate(2), schedule.rate(3), schedule.rate(4)));
    }
}
