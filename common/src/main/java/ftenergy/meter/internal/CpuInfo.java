package ftenergy.meter.internal;

/**
 * The CPU as {@code /proc/cpuinfo} describes it.
 *
 * @param model "model name" of the first processor, or {@code unknown}
 * @param sockets distinct "physical id" values (1 when the kernel lists none, as in many VMs)
 * @param logicalCpus "processor" entries
 */
public record CpuInfo(String model, int sockets, int logicalCpus) {}
