package ftenergy.meter;

/**
 * How a component's energy was obtained; its {@link #label()} is what the {@code runs} table stores.
 *
 * <p>Measured means a hardware counter was read; estimated means a model filled in where no counter
 * was readable; absent means the component is not counted at all (it is then 0 J, not a guess).
 */
public enum Provenance {
    /** Linux RAPL energy counters (powercap sysfs), attributed to this process by its share. */
    MEASURED_RAPL("measured-rapl"),
    /** NVML's total-energy counter of the run's own GPUs. */
    MEASURED_NVML("measured-nvml"),
    /** NVML power readings integrated over time (GPUs without an energy counter). */
    ESTIMATED_NVML_POWER("estimated-nvml-power"),
    /** A TDP model of the host's CPU power × the process's share of the host's busy CPU time. */
    ESTIMATED_TDP("estimated-tdp"),
    /** Watts per GiB × the process's resident memory. */
    ESTIMATED_RAM("estimated-ram"),
    /** Not counted: no source available (the reason is in the meter's notes). */
    ABSENT("absent");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    /** The stable string stored in tables, e.g. {@code measured-rapl}. */
    public String label() {
        return label;
    }

    /** Whether a hardware counter, not a model, produced the number. */
    public boolean measured() {
        return this == MEASURED_RAPL || this == MEASURED_NVML;
    }

    /** The provenance a label names ({@link #label()}); fails naming the labels there are. */
    public static Provenance ofLabel(String label) {
        for (Provenance p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown energy provenance '" + label + "'");
    }
}
