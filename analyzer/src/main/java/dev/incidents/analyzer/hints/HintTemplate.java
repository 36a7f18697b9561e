package dev.incidents.analyzer.hints;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalog text with {@code {placeholder}} slots, checked when the catalog loads: every brace must open a known
 * {@link Fact}, so a typo fails the build instead of reaching a chat channel as {@code kubectl describe node {nod}}.
 */
final class HintTemplate {

    private final String text;
    /** Literal text and facts, alternating in order of appearance. */
    private final List<Object> parts;
    private final Set<Fact> facts;

    private HintTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
        EnumSet<Fact> used = EnumSet.noneOf(Fact.class);
        for (Object part : parts) {
            if (part instanceof Fact fact) {
                used.add(fact);
            }
        }
        this.facts = used;
    }

    /**
     * @param where names the entry for the error message, e.g. {@code IMAGE_PULL_DISK_FULL.remediation[0].commands[1]}
     * @throws IllegalArgumentException on an unknown placeholder or an unbalanced brace
     */
    static HintTemplate parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + ": empty text");
        }
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int strayClose = text.indexOf('}', i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new IllegalArgumentException(where + ": '}' without '{' at offset " + strayClose + " in: " + text);
            }
            if (open < 0) {
                parts.add(text.substring(i));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException(where + ": unclosed '{' at offset " + open + " in: " + text);
            }
            if (open > i) {
                parts.add(text.substring(i, open));
            }
            String name = text.substring(open + 1, close);
            Fact fact = Fact.ofPlaceholder(name).orElseThrow(() -> new IllegalArgumentException(
                    where + ": unknown placeholder {" + name + "} in: " + text + " (known: " + known() + ")"));
            parts.add(fact);
            i = close + 1;
        }
        return new HintTemplate(text, parts);
    }

    private static String known() {
        StringBuilder b = new StringBuilder();
        for (Fact f : Fact.values()) {
            b.append(b.length() == 0 ? "" : ", ").append('{').append(f.placeholder()).append('}');
        }
        return b.toString();
    }

    Set<Fact> facts() {
        return facts;
    }

    /**
     * For prose: a missing fact reads as its fallback phrase ("the node"). A template that names the kind before
     * the placeholder ("container {container}") drops that word when the fallback ends with it, so the sentence
     * reads "the container", not "container the container".
     */
    String prose(Facts values) {
        StringBuilder b = new StringBuilder();
        List<Object> rendered = parts;
        if (parts.size() > 1 && parts.get(0) == Fact.WORKLOAD_NAME && values.get(Fact.WORKLOAD_NAME).isEmpty()
                && parts.get(1) instanceof String rest && rest.startsWith(": ") && rest.length() > 2) {
            // "{workloadName}: container {container} is OOMKilled" of a workload the evidence does not name: the
            // heading says nothing before its colon, so it starts after it ("Container app is OOMKilled")
            List<Object> after = new ArrayList<>(parts.subList(1, parts.size()));
            after.set(0, Character.toUpperCase(rest.charAt(2)) + rest.substring(3));
            rendered = after;
        }
        for (Object part : rendered) {
            if (part instanceof Fact fact) {
                Optional<String> value = values.get(fact);
                if (value.isPresent()) {
                    b.append(value.get());
                } else {
                    String fallback = fallback(fact, values);
                    String kind = lastWord(fallback);
                    dropTrailingWord(b, kind);
                    if (fallback.startsWith("the ")) {
                        dropTrailingWord(b, "the"); // "carry the {taint}" reads "carry the node taint"
                    }
                    // "init container {container}" reads "the init container": a qualifier before the kind stays
                    // with it, after the article
                    for (String qualifier : KIND_QUALIFIERS) {
                        int at = trailingWordAt(b, qualifier, true);
                        if (fallback.endsWith(" " + kind) && at >= 0) {
                            b.setLength(at);
                            fallback = fallback.substring(0, fallback.length() - kind.length()) + qualifier + " " + kind;
                            break;
                        }
                    }
                    // a fallback opening a sentence starts it with a capital ("The container of pod ...")
                    boolean sentenceStart = b.toString().isBlank() || b.toString().stripTrailing().endsWith(".");
                    b.append(sentenceStart ? Character.toUpperCase(fallback.charAt(0)) + fallback.substring(1) : fallback);
                }
            } else {
                b.append(part);
            }
        }
        return withoutTheSamePodTwice(b.toString());
    }

    /** "pod x of Pod x": a bare pod is its own workload. */
    private static final Pattern POD_OF_ITSELF = Pattern.compile("(?i)\\b(pod (\\S+)) of pod \\2(?=[\\s,.:;)]|$)");
    private static final Pattern UNNAMED_POD_OF_ITSELF = Pattern.compile("(?i)\\b(the pod) of the pod\\b");
    /** "pod x (Pod x in ns)": the same, in the parenthesis that names a container's pod's workload. */
    private static final Pattern POD_AND_ITSELF = Pattern.compile("(?i)\\b(pod (\\S+)) \\(pod \\2 in ([^)]+)\\)");
    /** "pods of Pod x": the pods of a bare pod's workload are that pod. */
    private static final Pattern PODS_OF_A_POD = Pattern.compile("\\bpods of (Pod \\S+|the pod\\b)");
    private static final Pattern UNNAMED_POD_AND_ITSELF = Pattern.compile("(?i)\\b(the pod) \\(the pod in ([^)]+)\\)");

    /**
     * A bare pod's templates name it twice, as the pod and as its workload ("pod {pod} of {workloadKind}
     * {workloadName}"), or as the pods of its workload: once reads right ("Pod gpu-trainer in ml", "the pod in
     * default", "evicted Pod hello in default").
     */
    private static String withoutTheSamePodTwice(String prose) {
        String lower = prose.toLowerCase(java.util.Locale.ROOT);
        int first = lower.indexOf("pod ");
        if ((first < 0 || lower.indexOf("pod ", first + 4) < 0) && !lower.contains("pods of ")) {
            return prose; // one pod named at most
        }
        String once = POD_OF_ITSELF.matcher(prose).replaceAll("$1");
        once = UNNAMED_POD_OF_ITSELF.matcher(once).replaceAll("$1");
        once = POD_AND_ITSELF.matcher(once).replaceAll("$1 in $3");
        once = PODS_OF_A_POD.matcher(once).replaceAll("$1");
        return UNNAMED_POD_AND_ITSELF.matcher(once).replaceAll("$1 in $2");
    }

    /**
     * The phrase for a missing fact; a workload whose kind is known but whose name the evidence did not give (a
     * fragment's unnamed pod) reads by its kind ("the pod", "the PodGroup"), and "{workloadKind} {workloadName}" then
     * reads "the pod", not "Pod the workload".
     */
    private static String fallback(Fact fact, Facts values) {
        if (fact == Fact.WORKLOAD_NAME) {
            Optional<String> kind = values.get(Fact.WORKLOAD_KIND);
            if (kind.isPresent()) {
                return "the " + ("Pod".equals(kind.get()) ? "pod" : kind.get());
            }
        }
        return fact.fallback();
    }

    private static String lastWord(String phrase) {
        return phrase.substring(phrase.lastIndexOf(' ') + 1);
    }

    /** Words that qualify a kind in the templates ("init container"). */
    private static final List<String> KIND_QUALIFIERS = List.of("init");

    /** Where {@code word} followed by a space ends {@code b} as a whole word, else -1. */
    private static int trailingWordAt(StringBuilder b, String word, boolean ignoreCase) {
        String tail = word + " ";
        int at = b.length() - tail.length();
        boolean ends = at >= 0 && (ignoreCase ? b.substring(at).equalsIgnoreCase(tail) : b.substring(at).equals(tail));
        return ends && (at == 0 || b.charAt(at - 1) == ' ' || b.charAt(at - 1) == '(') ? at : -1;
    }

    private static void dropTrailingWord(StringBuilder b, String word) {
        int at = trailingWordAt(b, word, true);
        if (at >= 0) {
            b.setLength(at);
        }
    }

    /** For a command: empty unless every fact is known, because a half-filled command must never be pasted. */
    Optional<String> command(Facts values) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Fact fact) {
                Optional<String> value = values.get(fact);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                b.append(value.get());
            } else {
                b.append(part);
            }
        }
        return Optional.of(b.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
