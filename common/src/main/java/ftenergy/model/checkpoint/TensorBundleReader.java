package ftenergy.model.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ftenergy.model.checkpoint.internal.LevelDbTable;
import ftenergy.model.checkpoint.internal.ProtoReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads a TensorFlow 1 checkpoint (a "tensor bundle") without TensorFlow.
 *
 * <p>A bundle {@code PREFIX} is {@code PREFIX.index}, a LevelDB table whose key {@code ""} holds a
 * {@code BundleHeaderProto} (shard count, endianness) and whose other keys are variable names
 * holding a {@code BundleEntryProto} (dtype, shape, shard, offset, size, masked CRC-32C), plus
 * data shards {@code PREFIX.data-00000-of-0000N} of raw little-endian values. The shards are
 * memory-mapped, so opening reads only the index; values are read when a tensor's floats are.
 *
 * <p>Example: {@code TensorBundleReader.read(dir.resolve("variables/variables"))} on a SavedModel.
 */
public final class TensorBundleReader {

    // Field numbers from tensorflow/core/protobuf/tensor_bundle.proto and tensor_shape.proto.
    private static final int HEADER_NUM_SHARDS = 1;
    private static final int HEADER_ENDIANNESS = 2;
    private static final int ENTRY_DTYPE = 1;
    private static final int ENTRY_SHAPE = 2;
    private static final int ENTRY_SHARD_ID = 3;
    private static final int ENTRY_OFFSET = 4;
    private static final int ENTRY_SIZE = 5;
    private static final int ENTRY_CRC32C = 6;
    private static final int ENTRY_SLICES = 7;
    private static final int SHAPE_DIM = 2;
    private static final int SHAPE_UNKNOWN_RANK = 3;
    private static final int DIM_SIZE = 1;
    private static final int BIG_ENDIAN = 1;

    private TensorBundleReader() {
    }

    /**
     * Every tensor of the bundle, by variable name in the index's (sorted) order.
     *
     * @param prefix the bundle prefix ({@code .../variables/variables}); the {@code .index} file itself is accepted too
     * @throws CheckpointException naming the file and tensor when the index is malformed, a shard is
     *     missing or too short, or a tensor's byte size does not match its shape
     */
    public static Map<String, TensorData> read(Path prefix) {
        String text = prefix.toString();
        Path bundle = text.endsWith(".index") ? Path.of(text.substring(0, text.length() - ".index".length())) : prefix;
        Path index = Path.of(bundle + ".index");
        ByteBuffer indexBytes;
        try {
            indexBytes = ByteBuffer.wrap(Files.readAllBytes(index));
        } catch (IOException e) {
            throw new CheckpointException(index, null, "cannot read the bundle index: " + e, e);
        }
        List<RawEntry> entries = new ArrayList<>();
        int[] shards = {-1};
        try {
            LevelDbTable.of(indexBytes).forEach((key, value) -> {
                String name = new String(key, StandardCharsets.UTF_8);
                if (name.isEmpty()) {
                    shards[0] = readHeader(index, value);
                } else {
                    entries.add(readEntry(index, name, value));
                }
            });
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(index, null, e.getMessage(), e);
        }
        if (shards[0] < 0) {
            throw new CheckpointException(index, "has no bundle header (key \"\"): not a TensorFlow tensor bundle");
        }
        Map<Integer, ShardFile> mapped = new HashMap<>();
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (RawEntry entry : entries) {
            if (entry.shard() >= shards[0]) {
                throw new CheckpointException(index, entry.name(),
                        "lives in shard " + entry.shard() + " of a bundle with " + shards[0] + " shards");
            }
            ShardFile shard = mapped.computeIfAbsent(entry.shard(), id -> ShardFile.open(bundle, id, shards[0]));
            tensors.put(entry.name(), new TensorData(shard.path(), entry.name(), entry.shape(), entry.dataType(),
                    shard.slice(entry), OptionalInt.of(entry.maskedCrc32c())));
        }
        return Collections.unmodifiableMap(tensors);
    }

    private static int readHeader(Path index, ByteBuffer value) {
        ProtoReader header = new ProtoReader(value);
        int shards = 1;
        while (header.next()) {
            switch (header.field()) {
                case HEADER_NUM_SHARDS -> shards = (int) header.varintValue();
                case HEADER_ENDIANNESS -> {
                    if (header.varintValue() == BIG_ENDIAN) {
                        throw new CheckpointException(index, "was written big-endian; only little-endian bundles are read");
                    }
                }
                default -> header.skip();
            }
        }
        return shards;
    }

    private static RawEntry readEntry(Path index, String name, ByteBuffer value) {
        ProtoReader entry = new ProtoReader(value);
        int dtype = 0;
        Shape shape = new Shape();
        int shard = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        while (entry.next()) {
            switch (entry.field()) {
                case ENTRY_DTYPE -> dtype = (int) entry.varintValue();
                case ENTRY_SHAPE -> shape = readShape(index, name, entry.bytesValue());
                case ENTRY_SHARD_ID -> shard = (int) entry.varintValue();
                case ENTRY_OFFSET -> offset = entry.varintValue();
                case ENTRY_SIZE -> size = entry.varintValue();
                case ENTRY_CRC32C -> crc = entry.fixed32Value();
                case ENTRY_SLICES -> throw new CheckpointException(index, name,
                        "is a partitioned variable (tensor slices); only whole tensors are read");
                default -> entry.skip();
            }
        }
        return new RawEntry(name, dataType(dtype), shape, shard, offset, size, crc);
    }

    private static Shape readShape(Path index, String name, ByteBuffer message) {
        ProtoReader shape = new ProtoReader(message);
        List<Long> dims = new ArrayList<>();
        while (shape.next()) {
            switch (shape.field()) {
                case SHAPE_DIM -> dims.add(readDimension(shape.bytesValue()));
                case SHAPE_UNKNOWN_RANK -> {
                    if (shape.varintValue() != 0) {
                        throw new CheckpointException(index, name, "has a shape of unknown rank");
                    }
                }
                default -> shape.skip();
            }
        }
        return new Shape(dims.stream().mapToLong(Long::longValue).toArray());
    }

    private static long readDimension(ByteBuffer message) {
        ProtoReader dim = new ProtoReader(message);
        long size = 0;
        while (dim.next()) {
            if (dim.field() == DIM_SIZE) {
                size = dim.varintValue();
            } else {
                dim.skip();
            }
        }
        return size;
    }

    /** TensorFlow's {@code DataType} enum (types.proto) for the types a weight checkpoint holds. */
    private static DataType dataType(int dtype) {
        return switch (dtype) {
            case 1 -> DataType.FLOAT32;
            case 2 -> DataType.FLOAT64;
            case 3 -> DataType.INT32;
            case 4 -> DataType.UINT8;
            case 6 -> DataType.INT8;
            case 9 -> DataType.INT64;
            case 10 -> DataType.BOOLEAN;
            case 14 -> DataType.BFLOAT16;
            case 19 -> DataType.FLOAT16;
            default -> DataType.UNKNOWN;
        };
    }

    /** An index entry before its shard is mapped. */
    private record RawEntry(String name, DataType dataType, Shape shape, int shard, long offset, long size,
            int maskedCrc32c) {
    }

    /** A data shard, mapped once per tensor region (regions stay below 2 GiB each). */
    private record ShardFile(Path path, long length) {

        static ShardFile open(Path bundle, int id, int shards) {
            Path path = Path.of(String.format("%s.data-%05d-of-%05d", bundle, id, shards));
            try {
                return new ShardFile(path, Files.size(path));
            } catch (IOException e) {
                throw new CheckpointException(path, null, "data shard " + id + " of " + shards + " is unreadable: " + e, e);
            }
        }

        ByteBuffer slice(RawEntry entry) {
            if (entry.offset() < 0 || entry.size() < 0 || entry.offset() + entry.size() > length) {
                throw new CheckpointException(path, entry.name(), "bytes " + entry.offset() + ".."
                        + (entry.offset() + entry.size()) + " lie beyond the shard's " + length + " bytes (truncated file?)");
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                return channel.map(FileChannel.MapMode.READ_ONLY, entry.offset(), entry.size());
            } catch (IOException e) {
                throw new CheckpointException(path, entry.name(), "cannot map bytes at offset " + entry.offset() + ": " + e, e);
            }
        }
    }
}
