package ftenergy.model.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * HuggingFace's {@code safetensors} format: an 8-byte little-endian header length, a JSON header
 * ({@code name → {dtype, shape, data_offsets: [begin, end]}} plus an optional string map
 * {@code __metadata__}), then the raw little-endian tensor bytes, offsets relative to their start.
 *
 * <p>Reading maps the file and checks that every tensor's byte range matches its shape, lies
 * inside the file and overlaps no other. Writing pads the header with spaces to 8 bytes (the
 * format's alignment) and goes through a temporary file, so readers never see half a checkpoint.
 */
public final class Safetensors {

    private static final String METADATA = "__metadata__";
    /** The reference implementation refuses larger headers; so do we, before allocating them. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Safetensors() {
    }

    /**
     * Every tensor of a safetensors file, in header order (data is read lazily through a mapping).
     *
     * @throws CheckpointException naming the file and tensor when the header is malformed, a dtype
     *     is unknown, or a byte range does not fit the shape or the file
     */
    public static Map<String, TensorData> read(Path file) {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new CheckpointException(file, "files over 2 GiB are not supported; shard the checkpoint");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (IOException e) {
            throw new CheckpointException(file, null, "cannot read: " + e, e);
        }
        ByteBuffer whole = mapped.order(ByteOrder.LITTLE_ENDIAN);
        if (whole.limit() < 8) {
            throw new CheckpointException(file, "is " + whole.limit() + " bytes, shorter than the 8-byte header length");
        }
        long headerBytes = whole.getLong(0);
        if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES || 8 + headerBytes > whole.limit()) {
            throw new CheckpointException(file, "header length " + headerBytes + " does not fit a file of "
                    + whole.limit() + " bytes (not a safetensors file?)");
        }
        byte[] headerJson = new byte[(int) headerBytes];
        whole.get(8, headerJson);
        JsonNode header;
        try {
            header = JSON.readTree(headerJson);
        } catch (IOException e) {
            throw new CheckpointException(file, null, "header is not JSON: " + e.getMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new CheckpointException(file, "header is not a JSON object");
        }
        int dataStart = 8 + (int) headerBytes;
        ByteBuffer data = whole.slice(dataStart, whole.limit() - dataStart);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (!field.getKey().equals(METADATA)) {
                TensorData tensor = tensor(file, field.getKey(), field.getValue(), data, ranges);
                tensors.put(tensor.name(), tensor);
            }
        }
        checkNoOverlap(file, ranges, tensors);
        return Collections.unmodifiableMap(tensors);
    }

    /**
     * Writes tensors (in the map's order) and string metadata as a safetensors file, replacing
     * {@code file} atomically.
     */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (TensorData tensor : tensors.values()) {
            ObjectNode entry = header.putObject(tensor.name());
            entry.put("dtype", code(file, tensor));
            ArrayNode shape = entry.putArray("shape");
            for (long dim : tensor.shape().getShape()) {
                shape.add(dim);
            }
            long size = tensor.bytes().remaining();
            entry.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, null, "cannot encode the header: " + e.getMessage(), e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        prefix.flip();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                writeFully(out, prefix);
                for (TensorData tensor : tensors.values()) {
                    writeFully(out, tensor.bytes());
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CheckpointException(file, null, "cannot write: " + e, e);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static TensorData tensor(Path file, String name, JsonNode entry, ByteBuffer data, List<long[]> ranges) {
        JsonNode dtype = entry.get("dtype");
        JsonNode shapeNode = entry.get("shape");
        JsonNode offsets = entry.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shapeNode == null || !shapeNode.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new CheckpointException(file, name, "header entry needs dtype, shape and data_offsets [begin, end]: " + entry);
        }
        long[] dims = new long[shapeNode.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shapeNode.get(i).asLong(-1);
            if (dims[i] < 0) {
                throw new CheckpointException(file, name, "shape " + shapeNode + " has a negative or non-integer dimension");
            }
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > data.limit()) {
            throw new CheckpointException(file, name, "data_offsets [" + begin + ", " + end
                    + "] lie outside the " + data.limit() + " data bytes (truncated file?)");
        }
        ranges.add(new long[] {begin, end, ranges.size()});
        ByteBuffer bytes = data.slice((int) begin, (int) (end - begin));
        return new TensorData(file, name, new Shape(dims), dataType(file, name, dtype.asText()), bytes, OptionalInt.empty());
    }

    private static void checkNoOverlap(Path file, List<long[]> ranges, Map<String, TensorData> tensors) {
        List<String> names = new ArrayList<>(tensors.keySet());
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(r -> r[0]));
        for (int i = 1; i < sorted.size(); i++) {
            long[] previous = sorted.get(i - 1);
            long[] current = sorted.get(i);
            if (current[0] < previous[1]) {
                throw new CheckpointException(file, names.get((int) current[2]),
                        "bytes overlap those of '" + names.get((int) previous[2]) + "'");
            }
        }
    }

    private static DataType dataType(Path file, String name, String code) {
        return switch (code) {
            case "F64" -> DataType.FLOAT64;
            case "F32" -> DataType.FLOAT32;
            case "F16" -> DataType.FLOAT16;
            case "BF16" -> DataType.BFLOAT16;
            case "I64" -> DataType.INT64;
            case "I32" -> DataType.INT32;
            case "I8" -> DataType.INT8;
            case "U8" -> DataType.UINT8;
            case "BOOL" -> DataType.BOOLEAN;
            default -> throw new CheckpointException(file, name, "dtype '" + code + "' is not supported");
        };
    }

    private static String code(Path file, TensorData tensor) {
        return switch (tensor.dataType()) {
            case FLOAT64 -> "F64";
            case FLOAT32 -> "F32";
            case FLOAT16 -> "F16";
            case BFLOAT16 -> "BF16";
            case INT64 -> "I64";
            case INT32 -> "I32";
            case INT8 -> "I8";
            case UINT8 -> "U8";
            case BOOLEAN -> "BOOL";
            default -> throw new CheckpointException(file, tensor.name(), tensor.dataType() + " cannot be written");
        };
    }

    /** The header's metadata ({@code __metadata__}) of a safetensors file; empty when it has none. */
    public static Map<String, String> metadata(Path file) {
        // Headers are small: read just the length and the JSON, not the whole file.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(length, 0);
            long headerBytes = length.getLong(0);
            if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES || 8 + headerBytes > channel.size()) {
                throw new CheckpointException(file, "header length " + headerBytes + " does not fit the file");
            }
            ByteBuffer json = ByteBuffer.allocate((int) headerBytes);
            channel.read(json, 8);
            JsonNode meta = JSON.readTree(new String(json.array(), StandardCharsets.UTF_8)).get(METADATA);
            Map<String, String> values = new LinkedHashMap<>();
            if (meta != null) {
                meta.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            }
            return Collections.unmodifiableMap(values);
        } catch (IOException e) {
            throw new CheckpointException(file, null, "cannot read the header: " + e, e);
        }
    }
}
