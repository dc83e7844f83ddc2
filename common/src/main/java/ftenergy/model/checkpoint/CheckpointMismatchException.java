package ftenergy.model.checkpoint;

import java.nio.file.Path;
import java.util.List;

/**
 * A readable checkpoint that does not fit the model: tensors the model needs but the checkpoint
 * lacks, encoder tensors the model has no place for (another number of layers), and tensors whose
 * shape differs. The message lists the first few of each.
 */
public class CheckpointMismatchException extends CheckpointException {
    private static final long serialVersionUID = 1L;
    private static final int LISTED = 6;

    private final List<String> missing;
    private final List<String> unexpected;
    private final List<String> misShaped;

    /**
     * @param file the checkpoint
     * @param model the model's shape, as {@code BertConfig.describe()} gives it
     * @param missing model parameter names with no checkpoint tensor (checkpoint names in parentheses)
     * @param unexpected checkpoint encoder tensors no model parameter takes
     * @param misShaped {@code "name: checkpoint (a, b) vs model (c, d)"} lines
     */
    public CheckpointMismatchException(Path file, String model, List<String> missing, List<String> unexpected,
            List<String> misShaped) {
        super(file, "does not fit model " + model + ":" + list("missing", missing) + list("unexpected", unexpected)
                + list("mis-shaped", misShaped));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.misShaped = List.copyOf(misShaped);
    }

    /** Model parameters the checkpoint lacks. */
    public List<String> missing() {
        return missing;
    }

    /** Checkpoint encoder tensors the model has no parameter for. */
    public List<String> unexpected() {
        return unexpected;
    }

    /** Tensors present on both sides with different shapes. */
    public List<String> misShaped() {
        return misShaped;
    }

    private static String list(String what, List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> shown = names.subList(0, Math.min(LISTED, names.size()));
        return " " + names.size() + " " + what + " " + shown + (names.size() > LISTED ? " ..." : "") + ";";
    }
}
