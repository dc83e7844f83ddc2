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
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files come from DJL's safetensors writer, or are laid out byte by byte where DJL cannot write them. */
class SafetensorsTest {

    @TempDir
    Path dir;

    /** Writes the arrays with DJL's encoder ({@code NDList.Encoding.SAFETENSORS}). */
    static void writeWithDjl(Path file, NDList arrays) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            arrays.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }

    private Path djlFile(NDManager manager) throws IOException {
        NDArray words = manager.create(new float[] {1, 2, 3, 4, 5, 6.5f}, new Shape(2, 3));
        words.setName("bert.embeddings.word_embeddings.weight");
        NDArray bias = manager.create(new float[] {-1, 0.25f}, new Shape(2));
        bias.setName("cls.predictions.bias");
        NDArray scalar = manager.create(3.5f);
        scalar.setName("scalar");
        Path file = dir.resolve("djl.safetensors");
        writeWithDjl(file, new NDList(words, bias, scalar));
        return file;
    }

    @Test
    void fileWrittenByDjl_keepsNamesShapesAndValues() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, TensorData> read = Safetensors.read(djlFile(manager));

            assertEquals(Set.of("bert.embeddings.word_embeddings.weight", "cls.predictions.bias", "scalar"), read.keySet());
            assertEquals(new Shape(2, 3), read.get("bert.embeddings.word_embeddings.weight").shape());
            assertEquals(new Shape(2), read.get("cls.predictions.bias").shape());
            assertEquals(new Shape(), read.get("scalar").shape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6.5f}, read.get("bert.embeddings.word_embeddings.weight").toFloatArray());
            assertArrayEquals(new float[] {-1, 0.25f}, read.get("cls.predictions.bias").toFloatArray());
            assertArrayEquals(new float[] {3.5f}, read.get("scalar").toFloatArray());
        }
    }

    @Test
    void djlHalfAndInt64_keepTheirTypes() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray half = manager.create(new float[] {1, -2, 0.5f}).toType(DataType.FLOAT16, false);
            half.setName("h");
            NDArray positions = manager.create(new long[] {0, 1, 2, 511}, new Shape(1, 4));
            positions.setName("bert.embeddings.position_ids");
            Path file = dir.resolve("types.safetensors");
            writeWithDjl(file, new NDList(half, positions));

            Map<String, TensorData> read = Safetensors.read(file);

            assertEquals(DataType.FLOAT16, read.get("h").dataType());
            assertArrayEquals(new float[] {1, -2, 0.5f}, read.get("h").toFloatArray());
            TensorData ids = read.get("bert.embeddings.position_ids");
            assertEquals(DataType.INT64, ids.dataType());
            assertEquals(511, ids.bytes().getLong(3 * Long.BYTES));
        }
    }

    @Test
    void huggingFaceHeader_metadataSkipped_paddingAccepted_orderKept() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(2).putFloat(3);
        Path file = writeRaw("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"z.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"a.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}   ", data.array());

        Map<String, TensorData> read = Safetensors.read(file);

        assertEquals(List.of("z.weight", "a.bias"), List.copyOf(read.keySet()));
        assertArrayEquals(new float[] {1, 2}, read.get("z.weight").toFloatArray());
        assertArrayEquals(new float[] {3}, read.get("a.bias").toFloatArray());
    }

    @Test
    void halfAndBfloat16_areWidenedToFloat() throws IOException {
        // DJL cannot write BF16 on PyTorch (creating the array aborts the JVM), so the bytes are laid out here.
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3555).putShort((short) 0x0001)
                .putShort((short) 0x3f80).putShort((short) 0xc0a0);
        Path file = writeRaw("{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}", data.array());

        Map<String, TensorData> read = Safetensors.read(file);

        assertArrayEquals(new float[] {1f, -2f, 0.33325195f, 0x1p-24f}, read.get("h").toFloatArray());
        assertArrayEquals(new float[] {1f, -5f}, read.get("b").toFloatArray());
    }

    @Test
    void truncatedFile_failsNamingTensorAndOffsets() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path file = djlFile(manager);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(raf.length() - 2);
            }
            CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
            assertEquals("scalar", e.tensor());
            assertTrue(e.getMessage().contains("data_offsets [32, 36]"), e.getMessage());
        }
    }

    @Test
    void overlappingRanges_areRejected() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        Path file = writeRaw(header, new byte[8]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals("b", e.tensor());
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }

    @Test
    void shapeNotMatchingBytes_failsWithExpectedAndActual() throws IOException {
        Path file = writeRaw("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("needs 12 bytes, the checkpoint holds 8"), e.getMessage());
        Path longer = writeRaw("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
        CheckpointException more = assertThrows(CheckpointException.class, () -> Safetensors.read(longer));
        assertTrue(more.getMessage().contains("needs 4 bytes, the checkpoint holds 8"), more.getMessage());
    }

    @Test
    void missingOffsetsOrUnknownDtype_failNamingTheTensor() throws IOException {
        Path noOffsets = writeRaw("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", new byte[8]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(noOffsets));
        assertEquals("w", e.tensor());
        assertTrue(e.getMessage().contains("needs dtype, shape and data_offsets"), e.getMessage());
        Path fp8 = writeRaw("{\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[8],\"data_offsets\":[0,8]}}", new byte[8]);
        CheckpointException dtype = assertThrows(CheckpointException.class, () -> Safetensors.read(fp8));
        assertEquals("q", dtype.tensor());
        assertTrue(dtype.getMessage().contains("dtype 'F8_E4M3' is not supported"), dtype.getMessage());
    }

    @Test
    void notSafetensors_isRejectedNamingFile() throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.writeString(file, "[PAD]\n[UNK]\n[CLS]\n");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("not a safetensors file?"), e.getMessage());
    }

    private Path writeRaw(String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json).put(data);
        Path path = dir.resolve("raw-" + Integer.toHexString(header.hashCode()) + ".safetensors");
        Files.write(path, file.array());
        return path;
    }
}
