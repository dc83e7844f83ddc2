package ftenergy.run;

import java.io.Serializable;

/**
 * The shape of a BERT encoder and where its initial weights come from.
 *
 * @param name a readable name ({@code bert-tiny}, {@code distil-bert-tiny}, ...)
 * @param layers number of transformer layers
 * @param hidden hidden size
 * @param heads attention heads
 * @param intermediate feed-forward size (4 × hidden in BERT)
 * @param init {@code scratch}, {@code run:<run_id>} (the checkpoint of another run of the sweep),
 *     or a checkpoint path
 */
public record ModelSpec(String name, int layers, int hidden, int heads, int intermediate, String init)
        implements Serializable {

    public ModelSpec {
        if (layers <= 0 || hidden <= 0 || heads <= 0 || intermediate <= 0) {
            throw new IllegalArgumentException("model " + name + ": layers, hidden, heads, intermediate must be > 0");
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException(
                    "model " + name + ": hidden " + hidden + " is not divisible by heads " + heads);
        }
    }

    /** The run id this model is initialised from, or {@code null} if it is not another run's output. */
    public String initRunId() {
        return init != null && init.startsWith("run:") ? init.substring(4) : null;
    }
}
