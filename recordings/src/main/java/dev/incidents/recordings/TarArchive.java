package dev.incidents.recordings;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The entries of a tar archive, gzipped or not, read in one pass: what {@code support-bundle} (Troubleshoot, Go's
 * {@code archive/tar}) and {@code tar czf} write. USTAR headers with their name prefix, GNU long names ({@code L}) and
 * PAX {@code path} records are understood; links, devices and directories are skipped. The JDK reads no tar, and
 * this is all a bundle needs, so no dependency is added for it.
 */
final class TarArchive implements AutoCloseable {
    private static final int BLOCK = 512;

    /** A regular file of the archive; {@code data} reads its bytes until the next call to {@link #next()}. */
    record Entry(String path, long size, InputStream data) {
    }

    private final InputStream in;
    private long remaining;
    private long padding;

    private TarArchive(InputStream in) {
        this.in = in;
    }

    /** Opens {@code raw}, gunzipping it first when it starts with the gzip magic bytes. */
    static TarArchive open(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        return new TarArchive(isGzip(buffered) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered);
    }

    /** True when {@code in} (which must support mark) starts with the gzip magic bytes; nothing is consumed. */
    static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** True when a header block of 512 bytes says {@code ustar} at offset 257 (POSIX and GNU tar both do). */
    static boolean isTarHeader(byte[] block, int length) {
        return length >= 262 && new String(block, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    /** The next regular file, or null at the end of the archive. */
    Entry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            if (!readBlock(header)) {
                return null;
            }
            if (isZero(header)) {
                return null; // end-of-archive marker
            }
            long size = size(header);
            char type = (char) header[156];
            if (type == 'L' || type == 'x') {
                byte[] data = in.readNBytes((int) Math.min(size, 1 << 20));
                skipFully(size - data.length + pad(size));
                longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data, longName);
                continue;
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            if (type != '0' && type != '\0' && type != '7') {
                skipFully(size + pad(size)); // directories, links, devices, global PAX headers
                continue;
            }
            remaining = size;
            padding = pad(size);
            return new Entry(name, size, new EntryStream(in));
        }
    }

    /** The current entry's bytes: reads stop at its size; closing it leaves the archive open for the next entry. */
    private final class EntryStream extends FilterInputStream {
        EntryStream(InputStream archive) {
            super(archive);
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    private boolean readBlock(byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private void skipFully(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated tar entry");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** USTAR: the name, after the prefix (bytes 345-499) when there is one. */
    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        String prefix = isTarHeader(header, BLOCK) ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** Octal, or base-256 (high bit set) for sizes over 8 GiB as GNU and Go write them. */
    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xff);
            }
            return size;
        }
        String octal = cString(header, 124, 12).trim();
        return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    /** PAX records are {@code "<length> <key>=<value>\n"}, the length in bytes; only {@code path} matters here. */
    private static String paxPath(byte[] data, String fallback) {
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return fallback;
            }
            int end = Math.min(data.length, at + length);
            if (length <= 0 || space + 1 >= end) {
                return fallback;
            }
            String field = new String(data, space + 1, end - space - 1, StandardCharsets.UTF_8);
            if (field.startsWith("path=")) {
                return field.substring(5).replaceFirst("\n$", "");
            }
            at = end;
        }
        return fallback;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
