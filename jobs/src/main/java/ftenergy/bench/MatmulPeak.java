package ftenergy.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The FLOP rate of a large square float32 matmul on a manager's device: the best a model made of
 * matmuls could reach on this engine, threads and machine.
 */
public final class MatmulPeak {

    private MatmulPeak() {
    }

    /**
     * Times {@code repetitions} products of two random {@code size × size} matrices.
     *
     * @return FLOPs per second ({@code 2·size³} per product)
     */
    public static double flopsPerSecond(NDManager manager, int size, int repetitions, BenchClock clock) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray a = scratch.randomUniform(-1f, 1f, new Shape(size, size));
            NDArray b = scratch.randomUniform(-1f, 1f, new Shape(size, size));
            // One product outside the clock: first-touch pages and the kernel's packing buffers.
            a.matMul(b).close();
            long start = clock.nanos();
            for (int i = 0; i < repetitions; i++) {
                // Reading a value waits for the device, so GPU timings include the kernels.
                NDArray product = a.matMul(b);
                product.getFloat(0, 0);
                product.close();
            }
            double seconds = (clock.nanos() - start) / 1e9;
            return repetitions * 2.0 * size * size * size / seconds;
        }
    }
}
