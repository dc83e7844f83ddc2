package ftenergy.model.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads HuggingFace's {@code safetensors} format: an 8-byte little-endian header length, a JSON
 * header ({@code name → {dtype, shape, data_offsets: [begin, end]}} plus an optional string map
 * {@code __metadata__}, which is skipped), then the raw little-endian tensor bytes, offsets
 * relative to their start. dtype codes are DJL's ({@link DataType#fromSafetensors}).
 *
 * <p>Why not DJL's own reader ({@code NDList.decode}, which {@link ftenergy.model.Checkpoint} uses
 * for the checkpoints ftenergy writes): on DJL 0.36 with PyTorch 2.7.1 a BF16 tensor aborts the
 * JVM (the native dtype switch knows only DJL's first nine types and rethrows with no exception
 * in flight), and it checks nothing: overlapping ranges and ranges longer than the shape are
 * read silently, a missing {@code data_offsets} is a NullPointerException, a truncated file an
 * unnamed EOF, and the whole data section is copied onto the heap. This reader maps the file,
 * checks every range against its shape, the file and the other ranges, names file and tensor in
 * every error, and widens F16/BF16 in Java when {@link TensorData#floats()} is called.
 */
public final class Safetensors {

    private static final String METADATA = "__metadata__";
    /** The reference implementation refuses larger headers; so do we, before allocating them. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Range(String tensor, long begin, long end) {}

    private Safetensors() {
    }

    /**
     * Every tensor of a safetensors file, in header order (data is read lazily through a mapping).
     *
     * @throws CheckpointException naming the file and tensor when the header is malformed, a dtype
     *     is unknown, or a byte range does not fit the shape, the file or the other ranges
     */
    public static Map<String, TensorData> read(Path file) {
        ByteBuffer whole;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new CheckpointException(file, "files over 2 GiB are not supported; shard the checkpoint");
            }
            whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new CheckpointException(file, null, "cannot read: " + e, e);
        }
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
        List<Range> ranges = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (!field.getKey().equals(METADATA)) {
                TensorData tensor = tensor(file, field.getKey(), field.getValue(), data, ranges);
                tensors.put(tensor.name(), tensor);
            }
        }
        checkNoOverlap(file, ranges);
        return Collections.unmodifiableMap(tensors);
    }

    private static TensorData tensor(Path file, String name, JsonNode entry, ByteBuffer data, List<Range> ranges) {
        JsonNode dtype = entry.get("dtype");
        JsonNode shapeNode = entry.get("shape");
        JsonNode offsets = entry.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shapeNode == null || !shapeNode.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new CheckpointException(file, name, "header entry needs dtype, shape and data_offsets [begin, end]: " + entry);
        }
        DataType dataType;
        try {
            dataType = DataType.fromSafetensors(dtype.asText());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, name, "dtype '" + dtype.asText() + "' is not supported", e);
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
        ranges.add(new Range(name, begin, end));
        ByteBuffer bytes = data.slice((int) begin, (int) (end - begin));
        return new TensorData(file, name, new Shape(dims), dataType, bytes, OptionalInt.empty());
    }

    private static void checkNoOverlap(Path file, List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::begin));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).begin() < sorted.get(i - 1).end()) {
                throw new CheckpointException(file, sorted.get(i).tensor(),
                        "bytes overlap those of '" + sorted.get(i - 1).tensor() + "'");
            }
        }
    }
}
