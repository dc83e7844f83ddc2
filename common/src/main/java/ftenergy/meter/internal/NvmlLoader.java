package ftenergy.meter.internal;

import com.sun.jna.Native;

/** Loads the NVML library by name; tests hand in a fake instead of loading anything. */
@FunctionalInterface
public interface NvmlLoader {

    /** The library, or an {@link UnsatisfiedLinkError} when it is not installed. */
    NvmlLibrary load(String libraryName);

    /** JNA's loader. */
    static NvmlLoader jna() {
        return name -> Native.load(name, NvmlLibrary.class);
    }
}
