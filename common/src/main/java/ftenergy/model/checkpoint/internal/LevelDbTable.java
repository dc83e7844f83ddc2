package ftenergy.model.checkpoint.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A LevelDB table (SSTable) in memory, the format of TensorFlow's {@code .index} files.
 *
 * <p>Layout: data blocks, a metaindex block, an index block (one entry per data block: its last key
 * and the block's handle), and a 48-byte footer (the metaindex and index handles as varints,
 * padded to 40 bytes, then the magic number). Each block is followed by a compression byte and a
 * masked CRC-32C. Inside a block, keys are prefix-compressed against the previous key
 * ({@code shared, unshared, valueLength} varints, key suffix, value) and every restart point
 * stores a full key; the restart offsets and their count close the block.
 *
 * <p>Only uncompressed blocks are supported (TensorFlow writes bundle indexes uncompressed).
 * Malformed input throws {@link IllegalArgumentException} naming the block offset.
 */
public final class LevelDbTable {

    /** LevelDB's {@code kTableMagicNumber}. */
    public static final long MAGIC = 0xdb4775248b80fb57L;
    /** Bytes of the footer: two padded block handles and the magic number. */
    public static final int FOOTER_BYTES = 48;
    /** Compression byte plus masked CRC after each block. */
    public static final int BLOCK_TRAILER_BYTES = 5;

    private final ByteBuffer file;

    private LevelDbTable(ByteBuffer file) {
        this.file = file.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A table over a whole file's bytes (position to limit). */
    public static LevelDbTable of(ByteBuffer file) {
        return new LevelDbTable(file);
    }

    /** Calls {@code visitor} with every key and value in key order (the value buffers are read-only slices). */
    public void forEach(BiConsumer<byte[], ByteBuffer> visitor) {
        ByteBuffer index = block(readFooterIndexHandle());
        forEachEntry(index, (separator, handle) -> {
            ByteBuffer data = block(handle.duplicate());
            forEachEntry(data, visitor);
        });
    }

    private ByteBuffer readFooterIndexHandle() {
        if (file.limit() < FOOTER_BYTES) {
            throw new IllegalArgumentException("file of " + file.limit() + " bytes is shorter than a table footer");
        }
        int footer = file.limit() - FOOTER_BYTES;
        long magic = file.getLong(file.limit() - 8);
        if (magic != MAGIC) {
            throw new IllegalArgumentException(
                    String.format("not a LevelDB table: footer magic %016x, expected %016x", magic, MAGIC));
        }
        ByteBuffer handles = file.slice(footer, FOOTER_BYTES - 8);
        readHandle(handles);
        // The index handle follows the metaindex handle; both are (offset, size) varint pairs.
        int start = handles.position();
        readHandle(handles);
        return handles.slice(start, handles.position() - start);
    }

    private static long[] readHandle(ByteBuffer buffer) {
        return new long[] {ProtoReader.readVarint(buffer), ProtoReader.readVarint(buffer)};
    }

    /** The contents of the block a handle points at, checksum and compression checked. */
    private ByteBuffer block(ByteBuffer handleBytes) {
        long[] handle = readHandle(handleBytes);
        long offset = handle[0];
        long size = handle[1];
        if (offset < 0 || size < 0 || offset + size + BLOCK_TRAILER_BYTES > file.limit() - FOOTER_BYTES) {
            throw new IllegalArgumentException("block handle (offset " + offset + ", size " + size
                    + ") lies outside the table's " + file.limit() + " bytes");
        }
        ByteBuffer contents = file.slice((int) offset, (int) size).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer type = file.slice((int) (offset + size), 1);
        int compression = type.get(0);
        int storedCrc = file.getInt((int) (offset + size + 1));
        int actualCrc = MaskedCrc32c.of(contents, type);
        if (storedCrc != actualCrc) {
            throw new IllegalArgumentException(String.format(
                    "block at offset %d: checksum %08x, stored %08x (corrupt file)", offset, actualCrc, storedCrc));
        }
        if (compression != 0) {
            throw new IllegalArgumentException("block at offset " + offset + " uses compression type " + compression
                    + "; only uncompressed tables are supported");
        }
        return contents.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Iterates a block's prefix-compressed entries, checking that every restart point holds a full key. */
    private static void forEachEntry(ByteBuffer block, BiConsumer<byte[], ByteBuffer> visitor) {
        int limit = block.limit();
        if (limit < 4) {
            throw new IllegalArgumentException("block of " + limit + " bytes has no restart count");
        }
        int restarts = block.getInt(limit - 4);
        int restartsStart = limit - 4 - 4 * restarts;
        if (restarts < 1 || restartsStart < 0) {
            throw new IllegalArgumentException("block of " + limit + " bytes claims " + restarts + " restart points");
        }
        int[] restartOffsets = new int[restarts];
        for (int i = 0; i < restarts; i++) {
            restartOffsets[i] = block.getInt(restartsStart + 4 * i);
        }
        ByteBuffer entries = block.slice(0, restartsStart);
        byte[] key = new byte[0];
        while (entries.hasRemaining()) {
            int entryStart = entries.position();
            int shared = (int) ProtoReader.readVarint(entries);
            int unshared = (int) ProtoReader.readVarint(entries);
            int valueLength = (int) ProtoReader.readVarint(entries);
            if (shared > key.length || unshared < 0 || valueLength < 0
                    || unshared + (long) valueLength > entries.remaining()) {
                throw new IllegalArgumentException("entry at block byte " + entryStart + " (shared " + shared
                        + ", unshared " + unshared + ", value " + valueLength + ") overruns its block");
            }
            if (shared != 0 && Arrays.binarySearch(restartOffsets, entryStart) >= 0) {
                throw new IllegalArgumentException(
                        "restart point at block byte " + entryStart + " shares " + shared + " key bytes");
            }
            byte[] next = Arrays.copyOf(key, shared + unshared);
            entries.get(next, shared, unshared);
            key = next;
            ByteBuffer value = entries.slice(entries.position(), valueLength).order(ByteOrder.LITTLE_ENDIAN);
            entries.position(entries.position() + valueLength);
            visitor.accept(key, value);
        }
    }
}
