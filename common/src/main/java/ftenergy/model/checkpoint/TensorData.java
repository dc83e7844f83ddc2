package ftenergy.model.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ftenergy.model.checkpoint.internal.MaskedCrc32c;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * One named tensor of a checkpoint: its shape, element type and little-endian bytes, usually a
 * slice of a memory-mapped file that is only read when {@link #floats()} is called.
 *
 * <p>Immutable and safe to share; the mapped file stays open as long as a {@code TensorData}
 * over it is reachable (nothing to close).
 */
public final class TensorData {

    private final Path file;
    private final String name;
    private final Shape shape;
    private final DataType dataType;
    private final ByteBuffer bytes;
    private final OptionalInt maskedCrc32c;
    private volatile boolean checksumVerified;

    /**
     * A tensor over {@code bytes} (position to limit, little-endian).
     *
     * @param file where the bytes come from, for error messages
     * @param name the checkpoint's name for it
     * @param shape its shape (a scalar has the empty shape)
     * @param dataType its element type; only floating-point types can be read as floats
     * @param bytes exactly {@code shape.size()} elements
     * @param maskedCrc32c the checksum the checkpoint stores for these bytes, verified on first read
     * @throws CheckpointException when the byte count does not match the shape and type
     */
    public TensorData(Path file, String name, Shape shape, DataType dataType, ByteBuffer bytes,
            OptionalInt maskedCrc32c) {
        this.file = file;
        this.name = name;
        this.shape = shape;
        this.dataType = dataType;
        this.bytes = bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.maskedCrc32c = maskedCrc32c;
        int width = dataType.getNumOfBytes();
        if (width > 0 && this.bytes.remaining() != shape.size() * width) {
            throw new CheckpointException(file, name, dataType + " " + shape + " needs " + shape.size() * width
                    + " bytes, the checkpoint holds " + this.bytes.remaining());
        }
    }

    /** A float32 tensor held in memory (what writers and tests create). */
    public static TensorData ofFloats(String name, Shape shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new TensorData(Path.of("<memory>"), name, shape, DataType.FLOAT32, buffer, OptionalInt.empty());
    }

    /** The file the tensor was read from. */
    public Path file() {
        return file;
    }

    /** The checkpoint's name for the tensor. */
    public String name() {
        return name;
    }

    /** The tensor's shape (a scalar's is empty). */
    public Shape shape() {
        return shape;
    }

    /** The element type as stored. */
    public DataType dataType() {
        return dataType;
    }

    /** The raw little-endian bytes (read-only, position 0); the checksum is not verified here. */
    public ByteBuffer bytes() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The values as floats: a view of the file for float32, a converted copy for float16 and
     * bfloat16. The first call verifies the stored checksum, if the format has one.
     *
     * @throws CheckpointException on a checksum mismatch or a non-floating-point tensor
     */
    public FloatBuffer floats() {
        verifyChecksum();
        return switch (dataType) {
            case FLOAT32 -> bytes().asFloatBuffer();
            case FLOAT16 -> widen(false);
            case BFLOAT16 -> widen(true);
            default -> throw new CheckpointException(file, name, "holds " + dataType + ", not floating-point values");
        };
    }

    /** A copy of the values as a float array (see {@link #floats()}). */
    public float[] toFloatArray() {
        FloatBuffer values = floats();
        float[] array = new float[values.remaining()];
        values.get(array);
        return array;
    }

    private void verifyChecksum() {
        if (checksumVerified || maskedCrc32c.isEmpty()) {
            return;
        }
        int actual = MaskedCrc32c.of(bytes());
        if (actual != maskedCrc32c.getAsInt()) {
            throw new CheckpointException(file, name, String.format(
                    "data checksum %08x does not match the stored %08x (corrupt or truncated data file)",
                    actual, maskedCrc32c.getAsInt()));
        }
        checksumVerified = true;
    }

    private FloatBuffer widen(boolean bfloat16) {
        ShortBuffer halves = bytes().asShortBuffer();
        float[] values = new float[halves.remaining()];
        for (int i = 0; i < values.length; i++) {
            int bits = halves.get(i) & 0xffff;
            values[i] = bfloat16 ? Float.intBitsToFloat(bits << 16) : halfToFloat(bits);
        }
        return FloatBuffer.wrap(values);
    }

    /** IEEE 754 binary16 to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    @Override
    public String toString() {
        return name + " " + dataType + " " + shape;
    }
}
