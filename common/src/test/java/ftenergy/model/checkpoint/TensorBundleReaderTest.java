package ftenergy.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBundleReaderTest {

    @TempDir
    Path dir;

    /** Names sharing long prefixes, as BERT's do, so prefix compression and restarts both occur. */
    static Map<String, TensorData> fixture() {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (int layer = 0; layer < 3; layer++) {
            String scope = "bert/encoder/layer_" + layer + "/attention/self/";
            tensors.put(scope + "query/kernel", floats(scope + "query/kernel", new Shape(3, 4), layer));
            tensors.put(scope + "query/bias", floats(scope + "query/bias", new Shape(4), layer + 100));
        }
        tensors.put("bert/embeddings/word_embeddings", floats("bert/embeddings/word_embeddings", new Shape(5, 4), 7));
        ByteBuffer step = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 12345L);
        tensors.put("global_step", new TensorData(Path.of("mem"), "global_step", new Shape(), DataType.INT64, step,
                OptionalInt.empty()));
        return tensors;
    }

    static TensorData floats(String name, Shape shape, int seed) {
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = seed + i / 8f;
        }
        return TensorData.ofFloats(name, shape, values);
    }

    @Test
    void writtenBundle_readsBackEveryTensorWithShapeTypeAndValues() throws IOException {
        Map<String, TensorData> written = fixture();
        Path prefix = dir.resolve("model.ckpt");
        TensorBundleWriter.write(prefix, written, 64, 2);

        Map<String, TensorData> read = TensorBundleReader.read(prefix);

        assertEquals(written.keySet(), read.keySet());
        for (TensorData expected : written.values()) {
            TensorData actual = read.get(expected.name());
            assertEquals(expected.shape(), actual.shape(), expected.name());
            assertEquals(expected.dataType(), actual.dataType(), expected.name());
            assertEquals(expected.bytes(), actual.bytes(), expected.name());
        }
        assertArrayEquals(written.get("bert/embeddings/word_embeddings").toFloatArray(),
                read.get("bert/embeddings/word_embeddings").toFloatArray());
        assertEquals(12345L, read.get("global_step").bytes().order(ByteOrder.LITTLE_ENDIAN).getLong(0));
        assertEquals(List.copyOf(new java.util.TreeSet<>(written.keySet())), List.copyOf(read.keySet()),
                "index order is key order");
    }

    @Test
    void indexPath_isAcceptedAsPrefix() throws IOException {
        Path prefix = dir.resolve("variables");
        TensorBundleWriter.write(prefix, fixture());
        assertEquals(fixture().keySet(), TensorBundleReader.read(dir.resolve("variables.index")).keySet());
    }

    @Test
    void corruptDataByte_failsOnReadNamingTensorAndFile() throws IOException {
        Path prefix = dir.resolve("model.ckpt");
        TensorBundleWriter.write(prefix, fixture());
        Path data = Path.of(prefix + ".data-00000-of-00001");
        Map<String, TensorData> read = TensorBundleReader.read(prefix);
        long offset = offsetOf(read, "bert/embeddings/word_embeddings");
        flipByte(data, offset + 5);

        Map<String, TensorData> corrupt = TensorBundleReader.read(prefix);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> corrupt.get("bert/embeddings/word_embeddings").floats());
        assertEquals("bert/embeddings/word_embeddings", e.tensor());
        assertEquals(data, e.file());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        corrupt.get("bert/encoder/layer_0/attention/self/query/bias").floats();
    }

    @Test
    void truncatedDataFile_failsNamingTensorAndByteRange() throws IOException {
        Path prefix = dir.resolve("model.ckpt");
        TensorBundleWriter.write(prefix, fixture());
        Path data = Path.of(prefix + ".data-00000-of-00001");
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
            file.setLength(file.length() - 4);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundleReader.read(prefix));
        assertTrue(e.getMessage().contains("beyond the shard"), e.getMessage());
        assertTrue(e.tensor() != null && !e.tensor().isEmpty());
    }

    @Test
    void missingDataShard_failsNamingShardFile() throws IOException {
        Path prefix = dir.resolve("model.ckpt");
        TensorBundleWriter.write(prefix, fixture());
        Files.delete(Path.of(prefix + ".data-00000-of-00001"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundleReader.read(prefix));
        assertEquals(Path.of(prefix + ".data-00000-of-00001"), e.file());
    }

    @Test
    void corruptIndexBlock_failsWithChecksumError() throws IOException {
        Path prefix = dir.resolve("model.ckpt");
        TensorBundleWriter.write(prefix, fixture());
        flipByte(Path.of(prefix + ".index"), 3);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundleReader.read(prefix));
        assertEquals(Path.of(prefix + ".index"), e.file());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void fileWithoutTableMagic_isRejected() throws IOException {
        Path prefix = dir.resolve("model.ckpt");
        Files.write(Path.of(prefix + ".index"), new byte[100]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundleReader.read(prefix));
        assertTrue(e.getMessage().contains("not a LevelDB table"), e.getMessage());
    }

    @Test
    void sizeNotMatchingShape_failsWithExpectedAndActualBytes() throws IOException {
        Path prefix = dir.resolve("model.ckpt");
        // The index declares 12 floats; the data holds 11.
        TensorBundleWriter.write(prefix, List.of(new TensorBundleWriter.Entry("bert/x", DataType.FLOAT32,
                new Shape(3, 4), ByteBuffer.allocate(44))), 256, 2);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TensorBundleReader.read(prefix));
        assertEquals("bert/x", e.tensor());
        assertTrue(e.getMessage().contains("needs 48 bytes, the checkpoint holds 44"), e.getMessage());
    }

    @Test
    void realisticBlockSizes_handleManyTensors() throws IOException {
        Map<String, TensorData> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            String name = String.format("module/bert/encoder/layer_%d/output/dense/kernel", i);
            many.put(name, floats(name, new Shape(2), i));
        }
        Path prefix = dir.resolve("many");
        TensorBundleWriter.write(prefix, many, 4096, 16);
        Map<String, TensorData> read = TensorBundleReader.read(prefix);
        assertEquals(300, read.size());
        assertArrayEquals(new float[] {299f, 299.125f},
                read.get("module/bert/encoder/layer_299/output/dense/kernel").toFloatArray());
    }

    private static long offsetOf(Map<String, TensorData> read, String name) {
        // Tensors are written back to back in name order.
        long offset = 0;
        for (TensorData tensor : read.values()) {
            if (tensor.name().equals(name)) {
                return offset;
            }
            offset += tensor.bytes().remaining();
        }
        throw new AssertionError(name);
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x5a);
        }
    }
}
