package ftenergy.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    private static Map<String, TensorData> tensors() {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("bert.embeddings.word_embeddings.weight", TensorData.ofFloats(
                "bert.embeddings.word_embeddings.weight", new Shape(2, 3), new float[] {1, 2, 3, 4, 5, 6.5f}));
        tensors.put("cls.predictions.bias", TensorData.ofFloats("cls.predictions.bias", new Shape(2),
                new float[] {-1, 0.25f}));
        tensors.put("scalar", TensorData.ofFloats("scalar", new Shape(), new float[] {3.5f}));
        return tensors;
    }

    @Test
    void writeThenRead_keepsNamesShapesValuesAndMetadata() {
        Path file = dir.resolve("model.safetensors");
        Safetensors.write(file, tensors(), Map.of("format", "pt"));

        Map<String, TensorData> read = Safetensors.read(file);

        assertEquals(List.copyOf(tensors().keySet()), List.copyOf(read.keySet()));
        for (TensorData expected : tensors().values()) {
            TensorData actual = read.get(expected.name());
            assertEquals(expected.shape(), actual.shape());
            assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
        }
        assertEquals(Map.of("format", "pt"), Safetensors.metadata(file));
    }

    @Test
    void headerIsPaddedToEightBytes() throws IOException {
        Path file = dir.resolve("m.safetensors");
        Safetensors.write(file, tensors(), Map.of());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, bytes.getLong(0) % 8);
        assertEquals(8 + bytes.getLong(0) + (6 + 2 + 1) * 4, bytes.limit());
    }

    @Test
    void fileWrittenByDjl_isRead() throws IOException {
        Path file = dir.resolve("djl.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
            a.setName("encoder.layer.0.output.dense.weight");
            try (var out = Files.newOutputStream(file)) {
                new NDList(a).encode(out, NDList.Encoding.SAFETENSORS);
            }
        }
        TensorData read = Safetensors.read(file).get("encoder.layer.0.output.dense.weight");
        assertEquals(new Shape(3, 2), read.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, read.toFloatArray());
    }

    @Test
    void fileWeWrite_isReadByDjl() throws IOException {
        Path file = dir.resolve("ours.safetensors");
        Safetensors.write(file, tensors(), Map.of());
        try (NDManager manager = NDManager.newBaseManager(); InputStream in = Files.newInputStream(file)) {
            NDList decoded = NDList.decode(manager, in);
            NDArray words = decoded.get("bert.embeddings.word_embeddings.weight");
            assertEquals(new Shape(2, 3), words.getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f}, words.toFloatArray());
        }
    }

    @Test
    void halfAndBfloat16_areWidenedToFloat() {
        ByteBuffer half = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3555).putShort((short) 0x0001);
        ByteBuffer bf16 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3f80).putShort((short) 0xc0a0);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("h", new TensorData(Path.of("mem"), "h", new Shape(4), DataType.FLOAT16, half.flip(), OptionalInt.empty()));
        tensors.put("b", new TensorData(Path.of("mem"), "b", new Shape(2), DataType.BFLOAT16, bf16.flip(), OptionalInt.empty()));
        Path file = dir.resolve("half.safetensors");
        Safetensors.write(file, tensors, Map.of());

        Map<String, TensorData> read = Safetensors.read(file);

        assertArrayEquals(new float[] {1f, -2f, 0.33325195f, 0x1p-24f}, read.get("h").toFloatArray());
        assertArrayEquals(new float[] {1f, -5f}, read.get("b").toFloatArray());
    }

    @Test
    void truncatedFile_failsNamingTensorAndOffsets() throws IOException {
        Path file = dir.resolve("t.safetensors");
        Safetensors.write(file, tensors(), Map.of());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 2);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals("scalar", e.tensor());
        assertTrue(e.getMessage().contains("data_offsets [32, 36]"), e.getMessage());
    }

    @Test
    void overlappingRanges_areRejected() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        Path file = writeRaw(header, 8);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals("b", e.tensor());
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void shapeNotMatchingBytes_failsWithExpectedAndActual() throws IOException {
        Path file = writeRaw("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("needs 12 bytes, the checkpoint holds 8"), e.getMessage());
    }

    @Test
    void notSafetensors_isRejectedNamingFile() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "[PAD]\n[UNK]\n[CLS]\n");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals(file, e.file());
    }

    private Path writeRaw(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        Path path = dir.resolve("raw.safetensors");
        Files.write(path, file.array());
        return path;
    }
}
