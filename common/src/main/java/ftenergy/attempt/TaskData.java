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
 * A task's tokenized examples as one attempt trains and evaluates on them (see {@link TaskDataSource}).
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
                        writeInts(out, values);
                    }
                    // A QA window's question, context, gold answers and offsets decide how it is scored.
                    out.writeBoolean(e.window() != null);
                    if (e.window() != null) {
                        out.writeUTF(e.window().questionId());
                        writeText(out, e.window().context());
                        out.writeInt(e.window().goldAnswers().size());
                        for (String answer : e.window().goldAnswers()) {
                            writeText(out, answer);
                        }
                        writeInts(out, e.window().contextStarts());
                        writeInts(out, e.window().contextEnds());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("digesting examples in memory", e); // a null stream does not fail
        }
        return Sha256.shortOf(digest.digest());
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    /** Text of any length (writeUTF stops at 64 KiB; a SQuAD context can be longer). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
