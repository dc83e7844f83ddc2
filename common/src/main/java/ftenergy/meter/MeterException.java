package ftenergy.meter;

import ftenergy.FtenergyException;
import java.util.Collection;

/**
 * A misuse of the meter or a device it cannot find; carries the window key or device it is about.
 *
 * <p>Hardware that is merely missing is not an error: the component reports itself
 * {@link Provenance#ABSENT} and the reason goes to {@link EnergyMeter#notes()}.
 */
public final class MeterException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String window;
    private final String device;

    private MeterException(String message, String window, String device) {
        super(message);
        this.window = window;
        this.device = device;
    }

    /** The window key the error is about, or {@code null}. */
    public String window() {
        return window;
    }

    /** The device (GPU address, RAPL zone) the error is about, or {@code null}. */
    public String device() {
        return device;
    }

    static MeterException duplicateWindow(String window) {
        return new MeterException("meter window '" + window + "' is already open; end it before beginning it again", window, null);
    }

    static MeterException unknownWindow(String window, Collection<String> open) {
        return new MeterException("meter window '" + window + "' was never begun (open windows: " + open + ")", window, null);
    }

    static MeterException closed(String operation) {
        return new MeterException("energy meter is closed; cannot " + operation, null, null);
    }

    /** A GPU address the run was given that NVML does not know. */
    public static MeterException gpuNotFound(String address, int deviceCount, String reason) {
        return new MeterException("GPU address '" + address + "' not found by NVML (" + deviceCount
                + " devices visible): " + reason, null, address);
    }

    /**
     * A run given a MIG instance, or a GPU in MIG mode. NVML's energy counter covers the whole
     * physical GPU, shared by all of its MIG instances, so one instance's energy cannot be read on
     * its own; metering the parent GPU instead would charge each run for its neighbours' work, the
     * double counting the CPU and RAM attribution exists to avoid. So the meter refuses.
     *
     * @param device the address or {@code CUDA_VISIBLE_DEVICES} entry
     * @param what which MIG instance or mode it is
     */
    public static MeterException migInstance(String device, String what) {
        return new MeterException("GPU " + device + ": " + what + ". NVML's energy counter covers the whole physical GPU,"
                + " shared by all of its MIG instances, so a run on one instance cannot be metered on its own, and charging it"
                + " the whole GPU would bill it for its neighbours' work. Give runs whole GPUs: MIG mode off"
                + " (nvidia-smi -i <index> -mig 0, then reset the GPU) and GPUs, not MIG instances, in Spark's discovery script"
                + " and CUDA_VISIBLE_DEVICES", null, device);
    }

    /** A setting outside its valid range. */
    public static MeterException invalidSetting(String name, Object value, String expected) {
        return new MeterException("meter setting " + name + " = " + value + " is invalid: expected " + expected, null, null);
    }
}
