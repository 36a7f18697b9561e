package dev.incidents.recordings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One string value of a base recording, cut once into the parts that differ between copies (timestamps, uids, node
 * names, namespaces) and the literal text between them, so writing a copy is concatenation, not a regex per string
 * per copy: a million-record recording is written in seconds.
 */
final class CopyText {

    /** RFC 3339 in UTC as the API server writes {@code Time} and {@code MicroTime}: {@code 2025-03-14T10:00:00.123456Z}. */
    private static final String TIMESTAMP = "(?<time>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(?<fraction>\\d{1,9}))?Z";
    /** A Kubernetes uid, wherever it is quoted: metadata, owner references, {@code pod_ns(uid)} in kubelet messages. */
    private static final String UID = "\\b(?<uid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final List<Part> parts;

    private CopyText(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    String render(RecordingCopy copy) {
        if (parts.size() == 1) {
            return parts.get(0).render(copy);
        }
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.render(copy));
        }
        return text.toString();
    }

    /** A value that is a namespace as a whole (a {@code namespace} field). */
    static CopyText namespace(String name) {
        return new CopyText(List.of(new Namespace(name)));
    }

    /**
     * A record's own event time, whatever its RFC 3339 spelling (an offset, lower case): it moves with the copy
     * like the times inside the object, or the merge order would lie.
     */
    static CopyText time(String rfc3339, Instant time) {
        int dot = rfc3339.indexOf('.');
        int digits = 0;
        while (dot >= 0 && dot + 1 + digits < rfc3339.length() && Character.isDigit(rfc3339.charAt(dot + 1 + digits))) {
            digits++;
        }
        return new CopyText(List.of(new Timestamp(time, Math.min(digits, 9), rfc3339)));
    }

    /**
     * What to look for in the strings of one base recording.
     *
     * @param nodes      every node name of the base; matched as a whole name (not inside a longer one), so a
     *                   scheduler's {@code default-scheduler-ip-172-16-77-14.ec2.internal} stays as it is
     * @param namespaces every namespace of the base, matched in messages only where Kubernetes quotes a pod as
     *                   {@code ns/name} ({@code Successfully assigned inference/triton-… to …}) or the kubelet as
     *                   {@code name_ns(uid)} ({@code Back-off restarting failed container … in pod …_inference(…)})
     */
    record Tokens(Pattern anywhere, Pattern inMessages) {
        /** A group that never matches, so every pattern has every named group. */
        private static final String NEVER = "(?!)";

        static Tokens of(Collection<String> nodes, Collection<String> namespaces) {
            String node = "(?<![A-Za-z0-9.-])(?<node>" + alternatives(nodes) + ")(?![A-Za-z0-9-])";
            String names = alternatives(namespaces);
            String inPodPath = "(?<![A-Za-z0-9./_-])(?<nsref>" + names + ")(?=/[a-z0-9])";
            String inKubeletName = "(?<=_)(?<nspod>" + names + ")(?=\\()";
            return new Tokens(
                    Pattern.compile(String.join("|", TIMESTAMP, UID, node, "(?<nsref>" + NEVER + ")", "(?<nspod>" + NEVER + ")")),
                    Pattern.compile(String.join("|", TIMESTAMP, UID, node, inPodPath, inKubeletName)));
        }

        /** Longest first, so a name that is a prefix of another never wins over it. */
        private static String alternatives(Collection<String> names) {
            if (names.isEmpty()) {
                return NEVER;
            }
            return names.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                    .map(Pattern::quote).collect(Collectors.joining("|"));
        }
    }

    /** The parts of {@code text}, or null when it is the same in every copy. */
    static CopyText of(String text, Pattern tokens) {
        Matcher m = tokens.matcher(text);
        List<Part> parts = new ArrayList<>();
        int literalFrom = 0;
        while (m.find()) {
            Part part = part(m);
            if (part == null) {
                continue;
            }
            if (m.start() > literalFrom) {
                parts.add(new Literal(text.substring(literalFrom, m.start())));
            }
            parts.add(part);
            literalFrom = m.end();
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (literalFrom < text.length()) {
            parts.add(new Literal(text.substring(literalFrom)));
        }
        return new CopyText(parts);
    }

    private static Part part(Matcher m) {
        if (m.group("time") != null) {
            String fraction = m.group("fraction") == null ? "" : m.group("fraction");
            try {
                LocalDateTime seconds = LocalDateTime.parse(m.group("time"));
                int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                return new Timestamp(seconds.toInstant(ZoneOffset.UTC).plusNanos(nanos), fraction.length(), m.group());
            } catch (DateTimeParseException e) {
                return null; // looks like a timestamp, is not one (month 13): text like any other
            }
        }
        if (m.group("uid") != null) {
            return new Uid(m.group("uid"));
        }
        if (m.group("node") != null) {
            return new Node(m.group("node"));
        }
        return new Namespace(m.group("nsref") != null ? m.group("nsref") : m.group("nspod"));
    }

    private sealed interface Part permits Literal, Timestamp, Uid, Node, Namespace {
        String render(RecordingCopy copy);
    }

    private record Literal(String text) implements Part {
        @Override
        public String render(RecordingCopy copy) {
            return text;
        }
    }

    /**
     * Written with the original's fraction digits when the shifted time fits them (whole-second shifts keep a
     * {@code Time} a {@code Time}, as scale-recording.py does), else with milliseconds or finer.
     */
    private record Timestamp(Instant base, int digits, String original) implements Part {
        @Override
        public String render(RecordingCopy copy) {
            if (original != null && copy.offset().isZero()) {
                return original;
            }
            Instant shifted = copy.shift(base);
            int nanos = shifted.getNano();
            int written = digits;
            while (written < 9 && nanos % POWERS_OF_TEN[9 - written] != 0) {
                written = written < 3 ? 3 : written < 6 ? 6 : 9;
            }
            StringBuilder text = new StringBuilder(30).append(SECONDS.format(LocalDateTime.ofInstant(shifted, ZoneOffset.UTC)));
            if (written > 0) {
                String padded = Integer.toString(nanos + 1_000_000_000).substring(1); // nine digits, leading zeros kept
                text.append('.').append(padded, 0, written);
            }
            return text.append('Z').toString();
        }

        private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
                100_000_000, 1_000_000_000};
    }

    private record Uid(String base) implements Part {
        @Override
        public String render(RecordingCopy copy) {
            return copy.uid(base);
        }
    }

    private record Node(String base) implements Part {
        @Override
        public String render(RecordingCopy copy) {
            return copy.node(base);
        }
    }

    private record Namespace(String base) implements Part {
        @Override
        public String render(RecordingCopy copy) {
            return copy.namespace(base);
        }
    }
}
