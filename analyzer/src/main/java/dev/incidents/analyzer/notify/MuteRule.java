package dev.incidents.analyzer.notify;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mute: comma-separated {@code key=glob} conditions that must all hold, e.g.
 * {@code namespace=kube-*,category=POD_EVICTED} or {@code cluster=staging-*}. Keys: {@code cluster},
 * {@code namespace}, {@code category}, {@code workload} (matched against {@code Kind/name} and against
 * {@code name}), {@code severity}. Globs take {@code *} and {@code ?}. {@code from=} and {@code until=} (RFC 3339
 * instants) make it a maintenance window: it holds for transitions whose {@code lastSeen} (event time) falls in
 * {@code [from, until)}.
 */
public record MuteRule(String text, Map<String, Pattern> conditions, Instant from, Instant until) {

    private static final List<String> KEYS = List.of("cluster", "namespace", "category", "workload", "severity");

    /** @throws IllegalArgumentException naming what is wrong, for the usage message */
    public static MuteRule parse(String text) {
        Map<String, Pattern> conditions = new LinkedHashMap<>();
        Instant from = null;
        Instant until = null;
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mute rule '" + text + "': '" + p + "' is not key=value");
            }
            String key = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "from" -> from = Instant.parse(value);
                    case "until" -> until = Instant.parse(value);
                    default -> {
                        if (!KEYS.contains(key)) {
                            throw new IllegalArgumentException("mute rule '" + text + "': unknown key '" + key
                                    + "' (cluster, namespace, category, workload, severity, from, until)");
                        }
                        conditions.put(key, glob(value));
                    }
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("mute rule '" + text + "': " + key + " is not an RFC 3339 instant: " + value);
            }
        }
        if (conditions.isEmpty() && from == null && until == null) {
            throw new IllegalArgumentException("mute rule '" + text + "' has no condition");
        }
        return new MuteRule(text, conditions, from, until);
    }

    /** Rules from a file: one per line, {@code #} starts a comment. */
    public static List<MuteRule> parseLines(List<String> lines) {
        List<MuteRule> rules = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String rule = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!rule.isEmpty()) {
                rules.add(parse(rule));
            }
        }
        return rules;
    }

    public boolean matches(Incident i) {
        if (from != null && i.getLastSeen().isBefore(from)) {
            return false;
        }
        if (until != null && !i.getLastSeen().isBefore(until)) {
            return false;
        }
        for (Map.Entry<String, Pattern> c : conditions.entrySet()) {
            if (!holds(c.getKey(), c.getValue(), i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(String key, Pattern glob, Incident i) {
        return switch (key) {
            case "cluster" -> glob.matcher(i.getCluster()).matches();
            case "namespace" -> i.getNamespace() != null && glob.matcher(i.getNamespace()).matches();
            case "category" -> glob.matcher(i.getCategory()).matches();
            case "severity" -> glob.matcher(i.getSeverity().name()).matches();
            case "workload" -> i.getWorkload() != null
                    && (glob.matcher(i.getWorkload().getKind() + "/" + i.getWorkload().getName()).matches()
                    || glob.matcher(i.getWorkload().getName()).matches());
            default -> false;
        };
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
