package dev.incidents.recordings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML sequence item whose lines after the first a paste indented differently from its first key ({@code  - type:
 * DiskPressure} with {@code     status: "True"} a column further right), which YAML refuses: the item's other lines are
 * shifted, together, to the first key's column, their own nesting kept.
 */
final class SequenceItemIndent {
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+[A-Za-z][\\w.-]*:(?:\\s.*)?$");

    private SequenceItemIndent() {
    }

    /** {@code yaml} with every item's lines aligned to its first key; as it is when nothing needs it. */
    static String align(String yaml) {
        List<String> lines = yaml.lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.append(line).append('\n');
            Matcher item = ITEM.matcher(line);
            i++;
            if (!item.matches()) {
                continue;
            }
            int dash = item.group(1).length();
            int key = line.indexOf('-', dash) + 1;
            while (key < line.length() && line.charAt(key) == ' ') {
                key++;
            }
            int shift = 0;
            boolean first = true;
            for (; i < lines.size(); i++) {
                String next = lines.get(i);
                int indent = next.length() - next.stripLeading().length();
                if (next.isBlank() || indent <= dash) {
                    break; // the item ends at a line no deeper than its dash
                }
                if (first) {
                    shift = key - indent;
                    first = false;
                }
                out.append(" ".repeat(Math.max(0, indent + shift))).append(next.stripLeading()).append('\n');
            }
        }
        return out.toString();
    }
}
