package ftenergy.train.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * AdamW's element-wise update of float32 CPU parameters as one Java loop per parameter.
 *
 * <p>Why: through DJL every element-wise operation is a pass over memory of its own, about thirty
 * per parameter and step once temporaries are counted, and on a CPU whose memory bandwidth is
 * shared they cost more than the arithmetic. Here the gradient and weight are copied out once each,
 * one loop updates moments and weight, and the weight goes back as a direct buffer that libtorch
 * takes as the tensor's storage: about a dozen passes. Measured side by side (one thread, CPU time
 * of the step's thread): BERT-tiny's update 0.103 s to 0.039 s, BERT-mini's 0.201 s to 0.094 s,
 * BERT-small's 0.494 s to 0.237 s; their whole steps 0.86, 0.92 and 0.98 times as long.
 *
 * <p>The moments live on the Java heap (8 bytes per parameter: 0.9 GB for BERT-base), the
 * written-back weights in one direct buffer per parameter (4 bytes per parameter), both for the
 * optimiser's lifetime; a heap too small for them keeps the libtorch path.
 */
final class CpuAdamWKernel {

    private final float[][] means;
    private final float[][] variances;
    private final ByteBuffer[] weights;
    private float[] gradientScratch = new float[0];
    private float[] weightScratch = new float[0];

    private CpuAdamWKernel(List<Parameter> parameters) {
        int count = parameters.size();
        means = new float[count][];
        variances = new float[count][];
        weights = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            int size = Math.toIntExact(parameters.get(i).getArray().size());
            means[i] = new float[size];
            variances[i] = new float[size];
            weights[i] = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
        }
    }

    /**
     * A kernel for these parameters if every one is float32 on the CPU and the Java heap has room
     * for the moments (twice the parameters' bytes, plus four copies of the largest parameter
     * for scratch and the copied-out gradient and weight, with half as much again to spare);
     * {@code null} otherwise, and the optimiser keeps the moments in libtorch.
     */
    static CpuAdamWKernel forParameters(List<Parameter> parameters) {
        long values = 0;
        long largest = 0;
        for (Parameter parameter : parameters) {
            NDArray array = parameter.getArray();
            if (!Device.Type.CPU.equals(array.getDevice().getDeviceType()) || array.getDataType() != DataType.FLOAT32) {
                return null;
            }
            values += array.size();
            largest = Math.max(largest, array.size());
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = (2 * values + 4 * largest) * Float.BYTES * 3 / 2;
        return needed <= free ? new CpuAdamWKernel(parameters) : null;
    }

    /**
     * One AdamW update of parameter {@code index}, as {@code torch.optim.AdamW}:
     * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²; w = w·decay - stepSize · m / (sqrt(v)·denominatorScale + eps)}
     * with {@code g = clip · gradient}. The gradient is left as it was.
     */
    void update(int index, NDArray weight, NDArray gradient, float clip, float decay, float stepSize,
            float denominatorScale, double beta1, double beta2, float epsilon) {
        float[] m = means[index];
        float[] v = variances[index];
        int size = m.length;
        if (gradientScratch.length < size) {
            gradientScratch = new float[size];
            weightScratch = new float[size];
        }
        float[] g = gradientScratch;
        float[] w = weightScratch;
        gradient.toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer().get(g, 0, size);
        weight.toByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer().get(w, 0, size);
        // Factors rounded from double once, as DJL's scalar operands are: 1 - 0.9f is not 0.1f.
        float decay1 = (float) beta1;
        float decay2 = (float) beta2;
        float keep1 = (float) (1 - beta1);
        float keep2 = (float) (1 - beta2);
        for (int k = 0; k < size; k++) {
            float gk = g[k] * clip;
            float mk = decay1 * m[k] + keep1 * gk;
            float vk = decay2 * v[k] + keep2 * gk * gk;
            m[k] = mk;
            v[k] = vk;
            w[k] = w[k] * decay - stepSize * mk / ((float) Math.sqrt(vk) * denominatorScale + epsilon);
        }
        ByteBuffer target = weights[index];
        target.asFloatBuffer().put(w, 0, size);
        weight.set(target);
    }
}
