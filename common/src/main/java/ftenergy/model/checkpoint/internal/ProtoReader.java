package ftenergy.model.checkpoint.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A cursor over one protobuf message in wire format: {@code next()} reads a field's tag, then
 * exactly one of the value readers (or {@link #skip()}) consumes its value.
 *
 * <p>Only what checkpoint headers need: varints, fixed 32/64-bit values and length-delimited
 * fields (strings, sub-messages, packed arrays). Malformed input throws
 * {@link IllegalArgumentException} with the byte offset; callers add the file and tensor.
 */
public final class ProtoReader {

    /** Wire type of varint fields (int32, int64, bool, enum). */
    public static final int VARINT = 0;
    /** Wire type of fixed64 / double fields. */
    public static final int FIXED64 = 1;
    /** Wire type of strings, bytes, sub-messages and packed repeated fields. */
    public static final int LENGTH_DELIMITED = 2;
    /** Wire type of fixed32 / float fields. */
    public static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private int field;
    private int wireType;

    /** Reads the bytes between {@code message}'s position and limit (the buffer itself is not moved). */
    public ProtoReader(ByteBuffer message) {
        buffer = message.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Advances to the next field; {@code false} at the end of the message. */
    public boolean next() {
        if (!buffer.hasRemaining()) {
            return false;
        }
        long tag = varint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw malformed("field number 0");
        }
        return true;
    }

    /** Number of the current field. */
    public int field() {
        return field;
    }

    /** Wire type of the current field. */
    public int wireType() {
        return wireType;
    }

    /** The current varint field's value. */
    public long varintValue() {
        expect(VARINT);
        return varint();
    }

    /** The current fixed32 field's value. */
    public int fixed32Value() {
        expect(FIXED32);
        return readFixed32();
    }

    /** The current length-delimited field's bytes, as a buffer of their own. */
    public ByteBuffer bytesValue() {
        expect(LENGTH_DELIMITED);
        return lengthDelimited();
    }

    /** Skips the current field's value whatever its type (unknown fields are allowed by protobuf). */
    public void skip() {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> lengthDelimited();
            case FIXED32 -> advance(4);
            default -> throw malformed("unsupported wire type " + wireType + " of field " + field);
        }
    }

    /** Reads a base-128 varint at {@code buffer}'s position, advancing it; also used by the table reader. */
    public static long readVarint(ByteBuffer buffer) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new IllegalArgumentException("varint runs past the end at byte " + buffer.position());
            }
            byte b = buffer.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes before byte " + buffer.position());
    }

    private long varint() {
        return readVarint(buffer);
    }

    private int readFixed32() {
        require(4);
        return buffer.getInt();
    }

    private ByteBuffer lengthDelimited() {
        long length = varint();
        if (length < 0 || length > buffer.remaining()) {
            throw malformed("field " + field + " claims " + length + " bytes, " + buffer.remaining() + " left");
        }
        ByteBuffer value = buffer.slice(buffer.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(buffer.position() + (int) length);
        return value;
    }

    private void advance(int bytes) {
        require(bytes);
        buffer.position(buffer.position() + bytes);
    }

    private void require(int bytes) {
        if (buffer.remaining() < bytes) {
            throw malformed("field " + field + " needs " + bytes + " bytes, " + buffer.remaining() + " left");
        }
    }

    private void expect(int expected) {
        if (wireType != expected) {
            throw malformed("field " + field + " has wire type " + wireType + ", expected " + expected);
        }
    }

    private IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed protobuf at byte " + buffer.position() + ": " + problem);
    }
}
