package ftenergy.gpu;

import ftenergy.FtenergyException;

/** A GPU address that does not name a GPU, or whose CUDA device cannot be told; carries the address. */
public final class GpuAddressException extends FtenergyException {
    private static final long serialVersionUID = 1L;

    private final String address;
    private final String reason;

    /** {@code reason} says what is wrong and, where it can, what to do. */
    public GpuAddressException(String address, String reason) {
        super("GPU address '" + address + "': " + reason);
        this.address = address;
        this.reason = reason;
    }

    /** The address as Spark gave it. */
    public String address() {
        return address;
    }

    /** What is wrong, without the address. */
    public String reason() {
        return reason;
    }
}
