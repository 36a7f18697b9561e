package dev.incidents.analyzer.pages;

/**
 * HTML written with escaping as the default: every text and attribute value that goes through {@link #text} or
 * {@link #open} is escaped, so a pod name or an event message from the cluster is shown as text, never parsed as
 * markup. {@link #raw} is only for fragments this package rendered itself.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1024);

    /** {@code <tag name="value" ...>}; attribute pairs as name, value; a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(attribute(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag ...>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** A fragment rendered by this package (already escaped). */
    Html raw(String html) {
        out.append(html);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Text content: {@code & < >} and quotes, so the same escape is safe in attributes too. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null || b != null) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return b == null ? text : b.toString();
    }

    static String attribute(String value) {
        return escape(value);
    }

    /**
     * JSON placed inside {@code <script type="application/json">}: the HTML parser ends a script at {@code </script},
     * and {@code <!--} changes how it reads what follows, so {@code < > &} become JSON unicode escapes (the JSON
     * value is unchanged); U+2028/U+2029 too, which older JavaScript parsers took for line ends.
     */
    static String scriptJson(String json) {
        StringBuilder b = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
