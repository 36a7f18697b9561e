package dev.incidents.recordings;

/**
 * JSON pasted cut before its end ({@code "state": {"terminated": {"exitCode": 137, "reason": "OOMKilled", "message":
 * "...} and nothing after): the text with the string it was cut in closed, a dangling comma or key dropped, and the
 * objects and arrays still open closed, innermost first, so that what was pasted reads as far as it goes.
 */
final class CutJson {

    private CutJson() {
    }

    /** {@code text} closed; {@code text} itself when nothing is open (or the brackets do not pair). */
    static String closed(String text) {
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{' -> open.append('}');
                case '[' -> open.append(']');
                case '}', ']' -> {
                    if (open.isEmpty() || open.charAt(open.length() - 1) != c) {
                        return text; // not JSON cut short: brackets that do not pair
                    }
                    open.setLength(open.length() - 1);
                }
                default -> { }
            }
        }
        if (!inString && open.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.stripTrailing());
        if (inString) {
            if (escaped) {
                out.setLength(out.length() - 1); // a backslash cut from what it escaped
            }
            out.append('"');
        }
        String closedSoFar = out.toString().stripTrailing();
        if (closedSoFar.endsWith(",")) {
            closedSoFar = closedSoFar.substring(0, closedSoFar.length() - 1);
        } else if (closedSoFar.endsWith(":")) {
            closedSoFar = closedSoFar + "null"; // a key whose value was cut off altogether
        }
        return closedSoFar + open.reverse();
    }
}
