package io.github.anomaly4j.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes PostgreSQL's binary {@code COPY} format into one growing array: an 11-byte signature, flags and
 * extension length, then per row a 16-bit field count and each field as a 32-bit length and its bytes
 * (big-endian), and a -1 trailer.
 */
final class BinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private byte[] buf;
    private int size;

    BinaryCopy(int expectedBytes) {
        buf = new byte[Math.max(64, expectedBytes)];
        put(SIGNATURE);
        writeInt(0); // flags: no OIDs
        writeInt(0); // no header extension
    }

    void row(int fields) {
        writeShort(fields);
    }

    void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        put(b);
    }

    void int8(long v) {
        writeInt(8);
        writeLong(v);
    }

    void int4(int v) {
        writeInt(4);
        writeInt(v);
    }

    void float8(double v) {
        writeInt(8);
        writeLong(Double.doubleToLongBits(v));
    }

    /** @return the buffer, valid up to {@link #length()}, after the trailer is written */
    byte[] finish() {
        writeShort(-1);
        return buf;
    }

    int length() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void writeShort(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void writeInt(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }
}
