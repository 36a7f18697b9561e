package dev.incidents.recordings;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a file as UTF-8 bytes, one at a time, split where {@link java.io.BufferedReader#readLine()} splits
 * (LF, CR or CR LF), so line numbers are what an editor shows. A byte-order mark on the first line is dropped.
 * Bytes are kept as read: JSON is parsed from them directly (no String per line), text is decoded on demand.
 * Memory is one read buffer plus the longest line.
 */
final class LineInput implements Closeable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final boolean closeInput;
    private byte[] buffer = new byte[CHUNK];
    private int limit;
    private int position;
    private boolean eof;
    /** A CR ended the previous line: an LF right after it belongs to that line ending, not to a new empty line. */
    private boolean afterCr;

    private int lineStart;
    private int lineLength;
    private long lineNumber;
    /** No byte of the line has its high bit set: ASCII, so UTF-8 without a second look. */
    private boolean lineAscii;

    /** @param closeInput false for standard input, which outlives the read */
    LineInput(InputStream in, boolean closeInput) {
        this.in = in;
        this.closeInput = closeInput;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        int scanFrom = position;
        // the OR of the bytes scanned: negative once one has its high bit set (not ASCII)
        int high = 0;
        while (true) {
            if (afterCr && scanFrom < limit) {
                afterCr = false;
                if (buffer[scanFrom] == '\n') {
                    scanFrom++;
                    position = scanFrom;
                }
            }
            for (int i = scanFrom; i < limit; i++) {
                byte b = buffer[i];
                high |= b;
                if (b == '\n' || b == '\r') {
                    lineAscii = high >= 0;
                    setLine(position, i - position);
                    position = i + 1;
                    afterCr = b == '\r';
                    return true;
                }
            }
            if (eof) {
                if (position < limit) {
                    lineAscii = high >= 0;
                    setLine(position, limit - position);
                    position = limit;
                    return true;
                }
                return false;
            }
            scanFrom = limit - position;
            fill();
            scanFrom += position;
        }
    }

    private void setLine(int start, int length) {
        lineStart = start;
        lineLength = length;
        if (lineNumber++ == 0 && length >= 3 && buffer[start] == (byte) 0xEF && buffer[start + 1] == (byte) 0xBB
                && buffer[start + 2] == (byte) 0xBF) {
            lineStart += 3;
            lineLength -= 3;
        }
    }

    /** Keeps the unread bytes (the line being scanned), moved to the front, and reads more after them. */
    private void fill() throws IOException {
        int pending = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, pending);
        } else if (pending == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        position = 0;
        limit = pending;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    /** The current line's bytes are {@code buffer()[start() .. start() + length())}, valid until {@link #next()}. */
    byte[] buffer() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineLength;
    }

    /** The 1-based number of the current line. */
    long number() {
        return lineNumber;
    }

    byte[] copy() {
        return Arrays.copyOfRange(buffer, lineStart, lineStart + lineLength);
    }

    /**
     * The current line as text; throws when it is not UTF-8. Spaces a web page or a chat client put in place of plain
     * ones (a no-break space for every space of a code block copied from a rendered page, a figure or narrow no-break
     * space) are plain spaces again: kubectl prints none, and its columns are told apart by spaces.
     */
    String text() throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buffer, lineStart, lineLength)).toString();
        return lineAscii ? text : plainSpaces(text);
    }

    /** {@code text} with its no-break spaces (U+00A0, U+2007, U+202F) plain. */
    static String plainSpaces(String text) {
        if (text.indexOf('\u00a0') < 0 && text.indexOf('\u2007') < 0 && text.indexOf('\u202f') < 0) {
            return text;
        }
        return text.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ');
    }

    /** True when the line is UTF-8: ASCII lines (nearly all of a recording) are checked without decoding. */
    boolean isUtf8() {
        if (lineAscii) {
            return true;
        }
        for (int i = lineStart, end = lineStart + lineLength; i < end; i++) {
            if (buffer[i] < 0) {
                try {
                    text();
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link String#isBlank()} of the line, without decoding it unless it holds non-ASCII bytes. */
    boolean isBlank() {
        for (int i = lineStart, end = lineStart + lineLength; i < end; i++) {
            byte b = buffer[i];
            if (b < 0) {
                try {
                    return text().isBlank();
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (closeInput) {
            in.close();
        }
    }
}
