package ftenergy.train.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AdamW with decoupled weight decay and global-norm gradient clipping, as PyTorch's
 * {@code torch.optim.AdamW} with {@code clip_grad_norm_} before it (HuggingFace's fine-tuning).
 *
 * <p>Why not DJL's {@code AdamW}: it decays every parameter (BERT exempts biases and LayerNorm),
 * clips per element instead of by global norm, and allocates about twice the temporaries per
 * parameter (a gradient clone and a duplicate per update); the optimiser step dominated DJL's
 * gap to Python PyTorch on this project's CPU measurements.
 *
 * <p>On the CPU the element-wise update runs in {@link CpuAdamWKernel} (one Java pass per
 * parameter, moments on the Java heap); elsewhere as DJL operations, with the moments beside their
 * parameters (on the model's manager) and per-step temporaries on the step manager passed to
 * {@link #step}. Gradients are zeroed after each update.
 */
public final class AdamW {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Boolean> decays = new ArrayList<>();
    private final double weightDecay;
    private NDArray[] means;
    private NDArray[] variances;
    private CpuAdamWKernel cpuKernel;
    private boolean prepared;
    private int updates;

    /**
     * @param named the parameters to update, by HuggingFace name (names ending {@code .bias} or
     *     containing {@code LayerNorm} get no weight decay)
     * @param weightDecay decoupled weight decay coefficient
     */
    public AdamW(Map<String, Parameter> named, double weightDecay) {
        this.weightDecay = weightDecay;
        named.forEach((name, parameter) -> {
            parameters.add(parameter);
            decays.add(!name.endsWith(".bias") && !name.contains("LayerNorm"));
        });
    }

    /**
     * Clips gradients to global L2 norm {@code maxGradNorm} (if positive), applies one update at
     * learning rate {@code rate}, and zeroes the gradients.
     *
     * @return the global gradient norm before clipping (NaN or infinite: nothing was updated)
     */
    public double step(double rate, double maxGradNorm, NDManager temporaries) {
        NDArray[] gradients = new NDArray[parameters.size()];
        NDList norms = new NDList(gradients.length);
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = parameters.get(i).getArray().getGradient();
            gradients[i].attach(temporaries);
            norms.add(gradients[i].norm());
        }
        double norm = NDArrays.stack(norms).norm().getFloat();
        if (!Double.isFinite(norm)) {
            return norm;
        }
        if (!prepared) {
            cpuKernel = CpuAdamWKernel.forParameters(parameters);
            if (cpuKernel == null) {
                createMoments();
            }
            prepared = true;
        }
        updates++;
        double clip = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / (norm + 1e-6) : 1.0;
        double correction1 = 1 - Math.pow(BETA1, updates);
        double correction2 = 1 - Math.pow(BETA2, updates);
        float stepSize = (float) (rate / correction1);
        float denominatorScale = (float) (1 / Math.sqrt(correction2));
        for (int i = 0; i < gradients.length; i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray gradient = gradients[i];
            if (cpuKernel != null) {
                float decay = decays.get(i) && weightDecay > 0 ? (float) (1 - rate * weightDecay) : 1f;
                cpuKernel.update(i, weight, gradient, (float) clip, decay, stepSize, denominatorScale, BETA1, BETA2,
                        (float) EPSILON);
                gradient.subi(gradient);
                continue;
            }
            if (clip < 1.0) {
                gradient.muli(clip);
            }
            if (decays.get(i) && weightDecay > 0) {
                weight.muli(1 - rate * weightDecay);
            }
            means[i].muli(BETA1).addi(gradient.mul(1 - BETA1));
            variances[i].muli(BETA2).addi(gradient.square().muli(1 - BETA2));
            NDArray denominator = owned(variances[i].sqrt(), temporaries).muli(denominatorScale).addi(EPSILON);
            weight.subi(owned(means[i].div(denominator), temporaries).muli(stepSize));
            gradient.subi(gradient);
        }
        return norm;
    }

    /** Moves a result computed from a persistent array (which lands on its manager) to the step's. */
    private static NDArray owned(NDArray temporary, NDManager temporaries) {
        temporary.attach(temporaries);
        return temporary;
    }

    private void createMoments() {
        means = new NDArray[parameters.size()];
        variances = new NDArray[parameters.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = parameters.get(i).getArray().zerosLike();
            variances[i] = parameters.get(i).getArray().zerosLike();
        }
    }

    /** The parameters this optimiser updates, in order. */
    public List<Parameter> parameters() {
        return java.util.Collections.unmodifiableList(parameters);
    }

    /** Updates applied so far. */
    public int updates() {
        return updates;
    }
}
