package dev.incidents.analyzer.notify;

import java.util.regex.Pattern;

/**
 * Strings that come from the cluster (pod and image names, event messages, and the titles and summaries filled with
 * them) made harmless before any platform renders them, whatever its syntax: broadcast mentions no longer mention,
 * URLs and Markdown links and images no longer link, control characters go, and a long string is cut. Each platform
 * then escapes its own syntax on top ({@link SlackMessage}: {@code & < >}; {@link TeamsCard} puts text in
 * {@code TextRun}s, which Adaptive Cards never parse as Markdown).
 *
 * <p>The inserted character is U+2060 WORD JOINER: invisible, so the text reads the same, but {@code @channel},
 * {@code https://} and {@code ](} are no longer the tokens a chat client looks for.
 */
public final class Untrusted {
    static final char JOINER = '\u2060';

    private static final Pattern MENTION = Pattern.compile("(?i)@(channel|here|everyone|all|team)\\b");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(https?|ftp|file|mailto|javascript|data|vbscript|slack|tel):");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(");
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\n\t]]");

    private Untrusted() {
    }

    /** {@code value} neutralised and cut to {@code max} characters (an ellipsis marks the cut); null gives "". */
    public static String neutralise(String value, int max) {
        if (value == null) {
            return "";
        }
        String s = CONTROL.matcher(value).replaceAll("");
        s = MENTION.matcher(s).replaceAll("@" + JOINER + "$1");
        s = SCHEME.matcher(s).replaceAll("$1" + JOINER + ":");
        s = WWW.matcher(s).replaceAll("www" + JOINER + ".");
        s = MARKDOWN_LINK.matcher(s).replaceAll("]" + JOINER + "(");
        s = MARKDOWN_IMAGE.matcher(s).replaceAll("!" + JOINER + "[");
        // cut last: cutting removes characters at the end only, so it cannot put a broken token back together
        if (s.length() > max) {
            int cut = Math.max(0, max - 1);
            if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
            s = s.substring(0, cut) + "…";
        }
        return s;
    }
}
