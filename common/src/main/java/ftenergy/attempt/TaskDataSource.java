package ftenergy.attempt;

import java.io.Serializable;

/**
 * Where an attempt's examples come from. It travels to the executor with the attempt and is asked
 * there, inside the run's meter window: loading the data is part of what a run costs
 * ({@code energy_setup_kwh}), and a task of hundreds of thousands of examples never passes through
 * the driver.
 */
@FunctionalInterface
public interface TaskDataSource extends Serializable {

    /** Reads the examples; called once per attempt, on the thread that runs it. */
    TaskData load();
}
