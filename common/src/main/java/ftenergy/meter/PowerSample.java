package ftenergy.meter;

import java.io.Serializable;
import java.time.Instant;

/**
 * One reading of the background sampler: a row of {@code power_samples}.
 *
 * @param at when it was read
 * @param component {@code cpu}, {@code gpu} or {@code ram}
 * @param device device name within the component ({@code package-0}, {@code gpu-0}, {@code dram}, ...)
 * @param watts mean power since the previous sample of this device
 * @param joulesTotal energy of this device since the meter opened
 */
public record PowerSample(Instant at, String component, String device, double watts, double joulesTotal)
        implements Serializable {}
