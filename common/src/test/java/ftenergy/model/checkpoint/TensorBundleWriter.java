package ftenergy.model.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ftenergy.model.checkpoint.internal.MaskedCrc32c;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a single-shard TensorFlow tensor bundle as TensorFlow's BundleWriter does: a LevelDB
 * {@code PREFIX.index} (header under key "", one BundleEntryProto per tensor in name order) and
 * {@code PREFIX.data-00000-of-00001} with the tensors' bytes back to back.
 */
final class TensorBundleWriter {

    private TensorBundleWriter() {
    }

    /** Writes {@code tensors}; small blocks and restart interval 2 so the reader meets several of each. */
    static void write(Path prefix, Map<String, TensorData> tensors) throws IOException {
        write(prefix, tensors, 256, 2);
    }

    static void write(Path prefix, Map<String, TensorData> tensors, int blockBytes, int restartInterval)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (TensorData tensor : new TreeMap<>(tensors).values()) {
            entries.add(new Entry(tensor.name(), tensor.dataType(), tensor.shape(), tensor.bytes()));
        }
        write(prefix, entries, blockBytes, restartInterval);
    }

    /** One index entry and its bytes; the shape may lie about the bytes (corrupt fixtures). */
    record Entry(String name, DataType dataType, Shape shape, ByteBuffer bytes) {
    }

    /** Writes entries, which must be in name order. */
    static void write(Path prefix, List<Entry> tensors, int blockBytes, int restartInterval) throws IOException {
        LevelDbTableWriter table = new LevelDbTableWriter(blockBytes, restartInterval);
        ProtoWriter header = new ProtoWriter().varintField(1, 1).varintField(2, 0)
                .messageField(3, new ProtoWriter().varintField(1, 1));
        table.add(new byte[0], header.toByteArray());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Entry tensor : tensors) {
            ByteBuffer bytes = tensor.bytes().duplicate();
            ProtoWriter shape = new ProtoWriter();
            for (long dim : tensor.shape().getShape()) {
                shape.messageField(2, new ProtoWriter().varintField(1, dim));
            }
            ProtoWriter entry = new ProtoWriter()
                    .varintField(1, tensorflowType(tensor.dataType()))
                    .messageField(2, shape)
                    .varintField(4, data.size())
                    .varintField(5, bytes.remaining())
                    .fixed32Field(6, MaskedCrc32c.of(bytes));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            data.writeBytes(raw);
            table.add(tensor.name().getBytes(StandardCharsets.UTF_8), entry.toByteArray());
        }
        Files.write(Path.of(prefix + ".index"), table.finish());
        Files.write(Path.of(prefix + ".data-00000-of-00001"), data.toByteArray());
    }

    private static int tensorflowType(DataType type) {
        return switch (type) {
            case FLOAT32 -> 1;
            case INT64 -> 9;
            default -> throw new IllegalArgumentException("fixture writer has no TF dtype for " + type);
        };
    }
}
