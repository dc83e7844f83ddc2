/** Which physical GPU a Spark GPU address is, for NVML (the meter) and for CUDA (the engine): no engine, no NVML calls. */
package ftenergy.gpu;
