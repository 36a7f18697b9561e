package dev.incidents.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an issue tracker or a chat adds to kubectl output pasted into it, taken off before the text is read: the
 * Markdown quote marker of a quoted paste ({@code > NAME   READY   STATUS}), the {@code +} of a diff that added the
 * paste to a file (a review of a runbook: {@code +NAME   READY   STATUS}), the link an editor wraps around a
 * name that looks like an address ({@code [nvcr.io/nvidia/cuda@sha256:ed72...](http://nvcr.io/nvidia/cuda@sha256:ed72...)}),
 * the bars of a Markdown table the rows were turned into ({@code Warning | FailedScheduling | 2m | ...}), and the
 * emphasis or code span around a whole line ({@code _FailedMount  9m25s  kubelet  MountVolume.MountDevice failed ..._}),
 * a terminal UI's box borders around a line, pytest's {@code E} before a failed test's quoted output, and the code
 * fences around the paste; and a quoted YAML value kubectl's
 * printer folded over several lines, put back on one.
 */
final class PastedText {
    /** One quote marker or several (a reply quoting a reply: {@code > > NAME  READY}). */
    private static final Pattern QUOTE_MARKER = Pattern.compile("^(?:>[ \\t]?)+");
    /**
     * A Markdown code fence ({@code ```}, {@code ```yaml}, {@code ~~~}): markers around the paste, never kubectl's
     * output, so a blank line, which ends a YAML fragment or a table as the fence did.
     */
    private static final Pattern FENCE = Pattern.compile("^\\s*(?:`{3,}|~{3,})[-\\w+]*\\s*$");
    /** {@code [text](url)} whose address is the text itself with a scheme: the editor's, not the reporter's. */
    private static final Pattern AUTO_LINK = Pattern.compile("\\[([^\\]\\s]{3,})\\]\\((?:https?://)([^)\\s]+)\\)");

    /**
     * The reporter's mark where they cut lines out: dots or an ellipsis, alone or around a word in any language
     * ({@code ...}, {@code ...省略...}, {@code … snip …}), or that word in brackets ({@code [snip]}, {@code （省略）},
     * {@code <omitted>}).
     */
    private static final Pattern ELISION = Pattern.compile("^\\s*(?:[\\[(（<]\\s*)?(?:(?:\\.{3,}|…+)\\s*(?:[^\\s.…]{1,20}"
            + "(?:\\s+[^\\s.…]{1,20}){0,2}\\s*(?:\\.{2,}|…+)?)?|(?:snip|snipped|omitted|truncated|省略|略|中略|以下略|"
            + "後略|пропущено))\\s*[\\])）>]?\\s*$", Pattern.CASE_INSENSITIVE);

    /**
     * pytest's mark before each line of a failed test's exception ({@code E             Type     Reason  ...}), a test
     * suite quoting the command output it asserted on: the {@code E} stands where a space goes, the alignment kept.
     */
    private static final Pattern PYTEST_ERROR = Pattern.compile("^E(?: {2,}\\S| *$)");

    private PastedText() {
    }

    /** Whether {@code line} is a reporter's elision mark ({@link #ELISION}), not a line of output or prose. */
    static boolean isElision(String line) {
        return ELISION.matcher(line).matches();
    }

    /** Whether {@code line} is a Markdown code fence ({@link #FENCE}). */
    static boolean isFence(String line) {
        return FENCE.matcher(line).matches();
    }

    /**
     * The lines of a Markdown text with only what its code fences hold: the markers and the words outside them blank,
     * every opening marker after the first a YAML document marker ({@code ---}); as many lines as {@code lines}.
     */
    static List<String> fencedBlocks(List<String> lines) {
        List<String> held = new ArrayList<>(lines.size());
        boolean inside = false;
        boolean opened = false;
        for (String line : lines) {
            if (isFence(line)) {
                held.add(!inside && opened ? "---" : "");
                opened |= !inside;
                inside = !inside;
            } else {
                held.add(inside ? line : "");
            }
        }
        return held;
    }

    /**
     * Whether every code fence of the text holds YAML that starts like an object's ({@code apiVersion:}, {@code kind:},
     * {@code ---}), and nothing but blank lines and the reporter's words lies outside them (no line indented as
     * output is, no table row).
     */
    static boolean fencesYaml(List<String> lines) {
        boolean inside = false;
        boolean any = false;
        String first = null;
        for (String line : lines) {
            if (isFence(line)) {
                inside = !inside;
                first = null;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!inside) {
                if (Character.isWhitespace(line.charAt(0)) || line.contains("  ")) {
                    return false; // output outside the fences (indented fields, columns)
                }
                continue;
            }
            if (first == null) {
                first = line;
                if (!YamlObjects.looksLikeYaml(line)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Whether {@code line} carries a reply's quote marker ({@code > }). */
    static boolean isQuoted(String line) {
        return QUOTE_MARKER.matcher(line).lookingAt();
    }

    /** {@code line} without its reply quote markers. */
    static String unquoted(String line) {
        return QUOTE_MARKER.matcher(line).replaceFirst("");
    }

    /**
     * The lines of a reply with only what it quotes, the markers off: the reply's own words blank; as many lines as
     * {@code lines}.
     */
    static List<String> quotedBlocks(List<String> lines) {
        List<String> held = new ArrayList<>(lines.size());
        for (String line : lines) {
            held.add(isQuoted(line) ? unquoted(line) : "");
        }
        return held;
    }

    /**
     * The lines as kubectl printed them: quote markers off when most lines carry one (a code fence around them does
     * not count, and is a blank line), a diff's added-line {@code +} off likewise, auto-links unwrapped, and a
     * Markdown table (a {@code -- | --} separator line) back to columns two spaces apart; a line keeps its number.
     */
    static List<String> unwrap(List<String> pasted) {
        List<String> lines = new ArrayList<>(pasted);
        dedent(lines); // a quote's, a diff's or a comment's markers indented with the rest
        boolean quoted = mostly(lines, line -> line.startsWith(">"));
        boolean added = mostly(lines, PastedText::addedLine);
        boolean commented = mostly(lines, line -> OUTPUT_COMMENT.matcher(line).lookingAt());
        boolean hashed = !commented && mostly(lines, line -> HASHED_LINE.matcher(line).lookingAt());
        boolean html = lines.stream().anyMatch(line -> HTML_BLOCK.matcher(line).find());
        boolean pytest = mostly(lines, line -> PYTEST_ERROR.matcher(quoted ? QUOTE_MARKER.matcher(line).replaceFirst("")
                : line).lookingAt());
        boolean[] commentedOutput = hashed || commented ? new boolean[lines.size()] : commentedOutput(lines);
        List<String> unquoted = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = quoted ? QUOTE_MARKER.matcher(line).replaceFirst("") : line;
            text = pytest && PYTEST_ERROR.matcher(text).lookingAt() ? " " + text.substring(1) : text;
            text = commentedOutput[i] ? HASHED_LINE.matcher(text).replaceFirst("") : text;
            text = html ? unmarked(text) : text;
            text = added && addedLine(text) ? text.substring(1) : text;
            text = commented ? OUTPUT_COMMENT.matcher(text).replaceFirst("") : text;
            text = hashed ? HASH_RULE.matcher(HASHED_LINE.matcher(text).replaceFirst("")).replaceFirst("") : text;
            unquoted.add(FENCE.matcher(text).matches() ? "" : text);
        }
        dedent(unquoted);
        unfold(unquoted);
        rejoinClauses(unquoted);
        boolean table = unquoted.stream().anyMatch(l -> TABLE_SEPARATOR.matcher(l).matches());
        List<String> out = new ArrayList<>(lines.size());
        for (String text : unquoted) {
            if (table) {
                text = TABLE_SEPARATOR.matcher(text).matches() ? "" : cells(text);
            }
            Matcher boxed = BOXED.matcher(text);
            Matcher rightBorder;
            if (boxed.matches()) {
                text = boxed.group(1).stripTrailing(); // the pane pads its lines to its border
            } else if ((rightBorder = RIGHT_BORDER.matcher(text)).matches()) {
                text = rightBorder.group(1);
            }
            Matcher emphasis = EMPHASIS.matcher(text);
            Matcher spanEdge;
            if (emphasis.matches()) {
                text = emphasis.group(1) + emphasis.group(3);
            } else if ((spanEdge = SPAN_EDGE.matcher(text)).matches()) {
                text = spanEdge.group(1) != null ? spanEdge.group(1) : spanEdge.group(2) + spanEdge.group(3);
            }
            text = text.indexOf("](") < 0 ? text : unlink(text);
            out.add(straightQuotes(text));
        }
        rejoinOpenQuotes(out);
        return out;
    }

    /**
     * The indentation every non-blank line shares taken off: a paste inside a Markdown list item, or a code block
     * indented four spaces, as kubectl printed it at column 0.
     */
    static void dedent(List<String> lines) {
        String common = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int at = 0;
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
            if (common == null) {
                common = line.substring(0, at);
            } else {
                int k = 0;
                while (k < common.length() && k < at && common.charAt(k) == line.charAt(k)) {
                    k++;
                }
                common = common.substring(0, k);
            }
            if (common.isEmpty()) {
                return;
            }
        }
        if (common == null) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            lines.set(i, line.isBlank() ? line : line.substring(common.length()));
        }
    }

    /**
     * A YAML key whose quoted value goes on past its line ({@code message: 'Back-off pulling image "x": ErrImagePull:}
     * then the rest, indented, up to the closing quote): how kubectl's YAML printer folds a long status message.
     */
    private static final Pattern FOLDED_START = Pattern.compile("^\\s*[a-z][\\w.-]*:\\s+(['\"])(.*)$");
    /** How far a folded value is followed; a paste cut inside one is left as it is. */
    private static final int FOLDED_LINES = 30;

    /**
     * A quoted YAML value folded over several lines, put back on its first line as YAML reads it (the lines joined by
     * a space), the lines it took left blank so that every line keeps its number. A fragment of a pod's YAML that does
     * not parse as a whole (cut, or broken by the reporter's copy) is read line by line, and its folded message would
     * otherwise be read as its first line only.
     */
    static void unfold(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = FOLDED_START.matcher(lines.get(i));
            if (!start.matches() || closes(start.group(2), start.group(1).charAt(0))) {
                continue;
            }
            char quote = start.group(1).charAt(0);
            StringBuilder joined = new StringBuilder(lines.get(i).stripTrailing());
            for (int k = i + 1; k < lines.size() && k <= i + FOLDED_LINES && !lines.get(k).isBlank(); k++) {
                joined.append(' ').append(lines.get(k).strip());
                if (closes(lines.get(k).strip(), quote)) {
                    lines.set(i, joined.toString());
                    for (int j = i + 1; j <= k; j++) {
                        lines.set(j, "");
                    }
                    i = k;
                    break;
                }
            }
        }
    }

    /** A line as long as a terminal's screen at the least, the width past which a copy breaks lines. */
    private static final int SCREEN_WIDTH = 100;
    /** How many lines a broken quoted value is followed over. */
    private static final int OPEN_QUOTE_LINES = 4;

    /**
     * A long line whose double quotes do not close ({@code "Failed to start ContainerManager" err="failed to get rootfs
     * info: ...} cut at the screen's width), put back together with the lines that go on with it, as a terminal's copy
     * broke it: each part as long as the screen up to a shorter last one, whose quotes close the first's. The parts are
     * joined as they are (the break fell inside a word, or kept its space), the lines they took left blank. A line
     * whose quotes nothing closes is left as it is (a value the reporter cut).
     */
    static void rejoinOpenQuotes(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() < SCREEN_WIDTH || quotes(line) % 2 == 0) {
                continue;
            }
            // the broken line goes on while its parts fill the screen: the first shorter one is its last
            int end = i;
            int quotes = quotes(line);
            while (end + 1 < lines.size() && end - i < OPEN_QUOTE_LINES && lines.get(end).length() >= SCREEN_WIDTH
                    && !lines.get(end + 1).isBlank()) {
                quotes += quotes(lines.get(++end));
            }
            if (end == i || quotes % 2 != 0) {
                continue; // nothing closes the quote: a value the reporter cut
            }
            StringBuilder joined = new StringBuilder(line);
            for (int k = i + 1; k <= end; k++) {
                joined.append(lines.get(k));
                lines.set(k, "");
            }
            lines.set(i, joined.toString());
            i = end;
        }
    }

    /** The double quotes of {@code text} that are not escaped. */
    private static int quotes(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                n++;
            }
        }
        return n;
    }

    /**
     * A verdict's lead as it ends a line ({@code pod didn't trigger scale-up:}, {@code 0/5 nodes are available:},
     * {@code Cannot schedule pods:}): its clauses follow.
     */
    private static final Pattern VERDICT_LEAD = Pattern.compile(".*\\b(?:pod didn't trigger scale-up(?: \\([^)]*\\))?"
            + "|\\d+/\\d+ nodes are available|Cannot schedule pods?):\\s*$");
    /** One of a verdict's clauses: a count of nodes or node groups, then the reason ({@code 1 Insufficient memory,}). */
    private static final Pattern CLAUSE_LINE = Pattern.compile("^\\s*\\d+ [A-Za-z].*");

    /**
     * Karpenter's verdict broken after a pool's part ({@code Failed to schedule pod, did not tolerate taint (...);}), and
     * the next pool's part on a line of its own ({@code incompatible requirements, label "x" does not have known values}).
     */
    private static final Pattern PROVISIONER_LEAD = Pattern.compile(".*\\bFailed to schedule pod, .*;\\s*$");
    private static final Pattern POOL_LINE = Pattern.compile(
            "^\\s*(?:incompatible\\b|did not tolerate\\b|no instance type\\b|all available instance types\\b).*");

    /**
     * A scheduler's or autoscaler's verdict the reporter broke into one line per clause (each after the lead and each
     * but the last ending with a comma; a provisioner's pools, with a semicolon), put back on the lead's line as it was
     * printed, the lines it took left blank.
     */
    static void rejoinClauses(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            boolean pools = PROVISIONER_LEAD.matcher(lines.get(i)).matches();
            if (!pools && !VERDICT_LEAD.matcher(lines.get(i)).matches()) {
                continue;
            }
            Pattern clause = pools ? POOL_LINE : CLAUSE_LINE;
            char separator = pools ? ';' : ',';
            StringBuilder joined = new StringBuilder(lines.get(i).stripTrailing());
            int k = i + 1;
            while (k < lines.size() && clause.matcher(lines.get(k)).matches()
                    && (k == i + 1 && !pools || joined.charAt(joined.length() - 1) == separator)) {
                joined.append(' ').append(lines.get(k).strip());
                k++;
            }
            if (k > i + 1) {
                lines.set(i, joined.toString());
                for (int j = i + 1; j < k; j++) {
                    lines.set(j, "");
                }
                i = k - 1;
            }
        }
    }

    /** Whether {@code text} ends the quoted value: its quote last, not doubled (YAML's {@code ''} is a quote inside). */
    private static boolean closes(String text, char quote) {
        String t = text.stripTrailing();
        if (t.isEmpty() || t.charAt(t.length() - 1) != quote) {
            return false;
        }
        int run = 0;
        for (int k = t.length() - 1; k >= 0 && t.charAt(k) == quote; k--) {
            run++;
        }
        return quote == '"' ? t.length() < 2 || t.charAt(t.length() - 2) != '\\' : run % 2 == 1;
    }

    /**
     * Typographic quotes a rich-text editor or a chat client put in place of the ASCII ones ({@code “image”}):
     * Kubernetes prints only ASCII quotes, and its messages are read by them.
     */
    static String straightQuotes(String text) {
        if (text.indexOf('\u201c') < 0 && text.indexOf('\u201d') < 0 && text.indexOf('\u2018') < 0
                && text.indexOf('\u2019') < 0) {
            return text;
        }
        return text.replace('\u201c', '"').replace('\u201d', '"').replace('\u2018', '\'').replace('\u2019', '\'');
    }

    /**
     * A whole line in Markdown italics, bold or a code span ({@code _..._}, {@code *...*}, {@code **...**},
     * {@code `...`}): kubectl prints no line that starts and ends with the same marker, with text against both. A fence
     * ({@code ```}) is markers only, not a span.
     */
    private static final Pattern EMPHASIS = Pattern.compile(
            "^(\\s*)(\\*\\*|[_*`])(?![_*`])(\\S(?:.*\\S)?)(?<![_*`])\\2\\s*$");

    /**
     * A line between a terminal UI's box-drawing borders ({@code │   Warning  FailedMount  28s ... │}, k9s and other
     * TUIs): the text inside without the pane's one space of padding, its indentation kept.
     */
    private static final Pattern BOXED = Pattern.compile("^\\s*[\u2502\u2503\u2551] ?(.*?)[\u2502\u2503\u2551]?\\s*$");
    /**
     * A line with only the pane's right border: a copy that began inside the pane ({@code Failed to pull image
     * "registry.k8s.io/s │}, the rest on the next bordered line as the pane wrapped it). kubectl prints no box-drawing
     * character, so the border is the TUI's.
     */
    private static final Pattern RIGHT_BORDER = Pattern.compile("^(.*?\\S) ?[\u2502\u2503\u2551]\\s*$");

    /** {@code -- | --}, {@code |---|:---:|}: the line under a Markdown table's header. */
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)+\\|?\\s*$");

    /** A Markdown table row's cells, trimmed and two spaces apart; a line without a bar is left as it is. */
    private static String cells(String line) {
        if (line.indexOf('|') < 0) {
            return line;
        }
        StringBuilder joined = new StringBuilder();
        for (String cell : line.split("\\|")) {
            String text = cell.strip();
            if (!text.isEmpty()) {
                joined.append("  ").append(text);
            }
        }
        return joined.toString();
    }

    /**
     * The comment a literate document's renderer puts before each line of a command's output (R Markdown's knitr:
     * {@code ## NAME   READY   STATUS}), so that the output reads as a comment under the command it follows.
     */
    private static final Pattern OUTPUT_COMMENT = Pattern.compile("^##[ \\t]");
    /**
     * Output a reporter commented out line by line in a README's code block ({@code # NAME   READY   STATUS}, {@code #
     * Name:   book-74ff69c667-qj745}, a {@code #####} rule around it) so that the block stays a runnable script: the
     * comment marks come off when most lines carry one. A root prompt ({@code # kubectl ...}) above unmarked output is
     * never most of a paste.
     */
    private static final Pattern HASHED_LINE = Pattern.compile("^#(?: |$)");

    /**
     * Output commented out under the one command that printed it, in a script block whose other comments are the
     * reporter's words ({@code kubectl describe nodes master1 | grep KubeletNotReady}, then {@code # Result:} and
     * {@code #  Ready  False ...}): the commented lines right after a kubectl command line, blank lines between
     * allowed, up to the next line that is not one. Under output, or under another comment, a comment is prose.
     */
    private static boolean[] commentedOutput(List<String> lines) {
        boolean[] output = new boolean[lines.size()];
        boolean underCommand = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || FENCE.matcher(line).matches()) {
                continue;
            }
            if (underCommand && HASHED_LINE.matcher(line).lookingAt() && !KubectlCommands.isCommandLine(line)) {
                output[i] = true;
                continue;
            }
            underCommand = KubectlCommands.isCommandLine(line);
        }
        return output;
    }
    private static final Pattern HASH_RULE = Pattern.compile("^#{3,}\\s*$");

    /**
     * A code span's one backtick at a line's start or end, its other end on another line (a reporter's {@code `} on the
     * line before a listing and after its last row's {@code 23s`}): kubectl prints no backtick.
     */
    private static final Pattern SPAN_EDGE = Pattern.compile("^([^`]*[^`\\s])`\\s*$|^(\\s*)`([^`\\s][^`]*)$");

    /**
     * A page's HTML source around the output ({@code <pre>NAME  READY ...}, {@code <strong>OOMKilled</strong>} inside a
     * row, {@code &lt;none&gt;}): a {@code <pre>} or {@code <code>} tag anywhere says the text is HTML.
     */
    private static final Pattern HTML_BLOCK = Pattern.compile("</?(?:pre|code)(?:\\s[^>]*)?>");
    /** The tags a page puts in or around output; kubectl's own {@code <none>}, {@code <unset>} are no HTML tags. */
    private static final Pattern HTML_TAG = Pattern.compile("</?(?:pre|code|strong|b|em|i|u|span|div|p|br|hr|h[1-6]"
            + "|ul|ol|li|a|tt|kbd|samp|mark|font|details|summary|blockquote|table|tr|td|th|tbody|thead)(?:\\s[^>]*)?/?>");

    /** A line of HTML source as the page shows it: its tags off, its character entities back to characters. */
    private static String unmarked(String line) {
        if (line.indexOf('<') < 0 && line.indexOf('&') < 0) {
            return line;
        }
        String text = HTML_TAG.matcher(line).replaceAll("");
        return text.indexOf('&') < 0 ? text : text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    /** A diff's added line ({@code +NAME  READY}), not its {@code +++ b/file} header. */
    private static boolean addedLine(String line) {
        return line.startsWith("+") && !line.startsWith("+++ ");
    }

    /** Whether most lines (a code fence and blank lines aside) carry {@code marker}. */
    private static boolean mostly(List<String> lines, java.util.function.Predicate<String> marker) {
        int nonBlank = 0;
        int marked = 0;
        for (String line : lines) {
            if (!line.isBlank() && !FENCE.matcher(line).matches()) {
                nonBlank++;
                marked += marker.test(line) ? 1 : 0;
            }
        }
        return marked > 0 && marked * 2 > nonBlank;
    }

    private static String unlink(String line) {
        Matcher m = AUTO_LINK.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = m.group(1);
            String keep = m.group(2).startsWith(text) || m.group(2).equals(text) ? text : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(keep));
        }
        return m.appendTail(out).toString();
    }
}
