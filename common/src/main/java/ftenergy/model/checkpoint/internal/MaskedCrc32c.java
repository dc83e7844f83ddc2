package ftenergy.model.checkpoint.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C as LevelDB and TensorFlow store it: rotated and offset ("masked"), because a CRC of
 * data that itself contains CRCs is weak.
 */
public final class MaskedCrc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {
    }

    /** The masked CRC-32C of the bytes between each buffer's position and limit, in order. */
    public static int of(ByteBuffer... parts) {
        CRC32C crc = new CRC32C();
        for (ByteBuffer part : parts) {
            crc.update(part.duplicate());
        }
        return mask((int) crc.getValue());
    }

    /** LevelDB's {@code crc32c::Mask}. */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }
}
