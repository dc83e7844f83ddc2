package ftenergy.attempt;

import ftenergy.data.Example;
import ftenergy.data.TaskInfo;
import ftenergy.provenance.Sha256;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * A task's tokenized examples as shipped to executors (broadcast once per task).
 *
 * @param info the task
 * @param train training split
 * @param eval evaluation split
 */
public record TaskData(TaskInfo info, List<Example> train, List<Example> eval) implements Serializable {

    public TaskData {
        train = List.copyOf(train);
        eval = List.copyOf(eval);
    }

    /**
     * The data version of these examples ({@code runs.data_version}): the short SHA-256 over every
     * field of every example, training split then evaluation split, in the order a run reads them.
     * Two runs with the same version read the same token ids, labels and spans.
     */
    public String version() {
        MessageDigest digest = Sha256.digest();
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
            for (List<Example> split : List.of(train, eval)) {
                out.writeInt(split.size());
                for (Example e : split) {
                    out.writeUTF(e.split());
                    out.writeUTF(e.exampleId());
                    for (int[] values : new int[][] {e.inputIds(), e.typeIds(), e.tokenLabels(), {e.label(), e.spanStart(), e.spanEnd()}}) {
                        out.writeInt(values.length);
                        for (int value : values) {
                            out.writeInt(value);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("digesting examples in memory", e); // a null stream does not fail
        }
        return Sha256.shortOf(digest.digest());
    }
}
