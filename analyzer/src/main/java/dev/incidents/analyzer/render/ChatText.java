package dev.incidents.analyzer.render;

/**
 * Makes cluster-supplied text safe to post in Slack, Mattermost or Teams. Pod names, images and event messages are
 * written by whoever can create objects in the cluster, so they must not be able to format the post, ping a channel or
 * break out of a code block.
 */
final class ChatText {

    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final String MARKUP = "\\*_~`>[]|#";

    private ChatText() {
    }

    /** For prose: one line, markup escaped with a backslash, mentions neutralised. */
    /** {@code 1 signal}, {@code 7 signals}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String prose(String text) {
        String line = oneLine(text);
        StringBuilder b = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKUP.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
            breakMention(line, i, b);
        }
        return b.toString();
    }

    /**
     * "@here", "<!channel>", "<@U123>" and Slack links "<https://x|click>" stop working once a zero-width space splits
     * them. Slack expands the angle-bracket forms even inside code blocks, so code lines get this too.
     */
    private static void breakMention(String line, int i, StringBuilder b) {
        char c = line.charAt(i);
        if (c == '@' || c == '<') {
            b.append(ZERO_WIDTH_SPACE);
        }
    }

    /** For a line inside a fenced code block: no markup applies there, but a backtick run could close the fence. */
    static String code(String text) {
        String line = oneLine(text);
        StringBuilder b = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            b.append(c);
            if (c == '`') {
                b.append(ZERO_WIDTH_SPACE);
            } else {
                breakMention(line, i, b);
            }
        }
        return b.toString();
    }

    /** Control characters (newlines, ANSI escapes) become spaces; a name cannot start a new Markdown block. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return b.toString().strip();
    }

    static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        // Do not leave a dangling escape backslash or split a surrogate pair.
        while (end > 0 && (text.charAt(end - 1) == '\\' || Character.isHighSurrogate(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
