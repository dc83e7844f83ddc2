/** The meter's sources (RAPL, NVML, CPU and RAM models), the procfs reader and the sampler behind {@code ftenergy.meter}. */
package ftenergy.meter.internal;
