package ftenergy.meter.internal;

import ftenergy.FtenergyException;

/** NVML loaded but would not initialise (no driver, no permission): the GPU component becomes absent. */
public final class NvmlUnavailableException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    /** {@code message} names the NVML call that failed and NVML's error string. */
    public NvmlUnavailableException(String message) {
        super(message);
    }
}
