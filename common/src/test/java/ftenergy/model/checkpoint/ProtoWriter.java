package ftenergy.model.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Protobuf wire-format encoding for test fixtures: varints, tags, fixed32 and nested messages. */
final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(long value) {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.write((int) ((rest & 0x7f) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
        return this;
    }

    ProtoWriter varintField(int field, long value) {
        return varint((long) field << 3).varint(value);
    }

    ProtoWriter fixed32Field(int field, int value) {
        varint(((long) field << 3) | 5);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        return this;
    }

    ProtoWriter messageField(int field, ProtoWriter message) {
        byte[] bytes = message.toByteArray();
        varint(((long) field << 3) | 2).varint(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
