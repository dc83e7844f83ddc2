package ftenergy.model.checkpoint;

import ftenergy.model.checkpoint.internal.LevelDbTable;
import ftenergy.model.checkpoint.internal.MaskedCrc32c;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A minimal LevelDB table writer for test fixtures: prefix-compressed keys with restart points,
 * data blocks cut at a byte budget, an index block, an empty metaindex block and the footer, each
 * block with its compression byte and masked CRC-32C, as LevelDB and TensorFlow write them.
 */
final class LevelDbTableWriter {

    private final int blockBytes;
    private final int restartInterval;
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final BlockBuilder data;
    private final BlockBuilder index = new BlockBuilder(1);
    private byte[] lastKey;

    /** Cuts data blocks after {@code blockBytes} and stores a full key every {@code restartInterval} entries. */
    LevelDbTableWriter(int blockBytes, int restartInterval) {
        this.blockBytes = blockBytes;
        this.restartInterval = restartInterval;
        data = new BlockBuilder(restartInterval);
    }

    /** Appends an entry; keys must come in increasing byte order. */
    LevelDbTableWriter add(byte[] key, byte[] value) {
        if (lastKey != null && Arrays.compareUnsigned(lastKey, key) >= 0) {
            throw new IllegalArgumentException("keys out of order: " + new String(key));
        }
        data.add(key, value);
        lastKey = key;
        if (data.size() >= blockBytes) {
            flushDataBlock();
        }
        return this;
    }

    /** The finished table's bytes. */
    byte[] finish() {
        if (!data.isEmpty()) {
            flushDataBlock();
        }
        byte[] metaindexHandle = writeBlock(new BlockBuilder(1).finish());
        byte[] indexHandle = writeBlock(index.finish());
        ByteBuffer footer = ByteBuffer.allocate(LevelDbTable.FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        footer.put(metaindexHandle).put(indexHandle);
        footer.position(LevelDbTable.FOOTER_BYTES - 8);
        footer.putLong(LevelDbTable.MAGIC);
        file.writeBytes(footer.array());
        return file.toByteArray();
    }

    private void flushDataBlock() {
        byte[] handle = writeBlock(data.finish());
        index.add(lastKey, handle);
        data.reset();
    }

    private byte[] writeBlock(byte[] contents) {
        long offset = file.size();
        file.writeBytes(contents);
        byte[] type = {0};
        file.writeBytes(type);
        ByteBuffer crc = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        crc.putInt(MaskedCrc32c.of(ByteBuffer.wrap(contents), ByteBuffer.wrap(type)));
        file.writeBytes(crc.array());
        ProtoWriter handle = new ProtoWriter();
        handle.varint(offset).varint(contents.length);
        return handle.toByteArray();
    }

    /** One block's entries and restart points. */
    private static final class BlockBuilder {
        private final int restartInterval;
        private ByteArrayOutputStream entries = new ByteArrayOutputStream();
        private ByteBuffer restarts = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        private int count;
        private byte[] previous = new byte[0];

        BlockBuilder(int restartInterval) {
            this.restartInterval = restartInterval;
        }

        void add(byte[] key, byte[] value) {
            int shared = 0;
            if (count % restartInterval == 0) {
                restarts.putInt(entries.size());
            } else {
                while (shared < Math.min(previous.length, key.length) && previous[shared] == key[shared]) {
                    shared++;
                }
            }
            ProtoWriter header = new ProtoWriter().varint(shared).varint(key.length - shared).varint(value.length);
            entries.writeBytes(header.toByteArray());
            entries.write(key, shared, key.length - shared);
            entries.writeBytes(value);
            previous = key;
            count++;
        }

        int size() {
            return entries.size();
        }

        boolean isEmpty() {
            return count == 0;
        }

        byte[] finish() {
            if (count == 0) {
                restarts.putInt(0);
            }
            int restartCount = restarts.position() / 4;
            ByteBuffer block = ByteBuffer.allocate(entries.size() + restarts.position() + 4).order(ByteOrder.LITTLE_ENDIAN);
            block.put(entries.toByteArray()).put(restarts.array(), 0, restarts.position()).putInt(restartCount);
            return block.array();
        }

        void reset() {
            entries = new ByteArrayOutputStream();
            restarts = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            count = 0;
            previous = new byte[0];
        }
    }
}
