package dev.incidents.analyzer.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.render.IncidentGroups;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One scenario fixture of SCENARIO-FORMAT.md: input files plus the {@code .expect.yaml} sidecar. */
record Scenario(String name, List<Path> inputs, Expectation expectation) {

    static final Path DIR = Path.of("src/test/resources/scenarios");
    static final String SIDECAR = ".expect.yaml";
    static final Instant DEFAULT_NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .findAndRegisterModules();

    /** The sidecar. Unknown keys fail, so a typo in a fixture is not silently ignored. */
    static final class Expectation {
        public String source;
        public String rootCause;
        public String cluster;
        public String now;
        public List<Expected> expect = new ArrayList<>();
        public List<String> allowOther = new ArrayList<>();
    }

    static final class Expected {
        public String category;
        public String workload;
        public String namespace;
        public String node;
        public String status;
        /** The id of the first-ranked cause (a catalog cause id: {@code DEVICE_MANAGER_OUT_OF_SYNC}). */
        public String cause;
        /**
         * Every transition of the incident, in order, as {@code STATUS at} with the event time it was decided at
         * ({@code OPEN 2025-03-14T16:00:31Z}); checked by {@link #checkTransitions}.
         */
        public List<String> transitions;
        public List<String> commandsContain = new ArrayList<>();

        @Override
        public String toString() {
            return category + (workload == null ? "" : " " + workload) + (status == null ? "" : " " + status);
        }
    }

    /** The bundled demo recording (samples/), which the demo and its IT use. */
    static final Path SAMPLES = Path.of("../samples");

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>(in(DIR));
        if (Files.isDirectory(SAMPLES)) {
            scenarios.addAll(in(SAMPLES));
        }
        return scenarios;
    }

    /** Scenarios in {@code root}'s subfolders (the real-world suite's {@code <category>/} layout), named folder/file. */
    static List<Scenario> under(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Scenario> scenarios = new ArrayList<>();
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String folder = dir.getFileName().toString();
                in(dir).forEach(s -> scenarios.add(new Scenario(folder + "/" + s.name(), s.inputs(), s.expectation())));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scenario> in(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.sorted().toList();
            List<Scenario> scenarios = new ArrayList<>();
            for (Path sidecar : all) {
                String file = sidecar.getFileName().toString();
                if (!file.endsWith(SIDECAR)) {
                    continue;
                }
                String name = file.substring(0, file.length() - SIDECAR.length());
                List<Path> inputs = all.stream()
                        .filter(p -> p.getFileName().toString().startsWith(name + ".") && !p.equals(sidecar))
                        .filter(p -> !p.toString().endsWith(".py") && !p.toString().endsWith(".md"))
                        .toList();
                Expectation expectation = YAML.readValue(sidecar.toFile(), Expectation.class);
                checkScoreable(name, expectation, inputs);
                scenarios.add(new Scenario(name, inputs, expectation));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails on an expectation no analyzer could meet from the inputs: a namespace on a node incident (keyed by node,
     * it has none), or a namespace, workload name or node the inputs never mention (only in a command line the paste
     * left out): a reader falls back to {@code default} and unnamed objects, so such an entry measures the trimming of
     * the fixture, not the analyzer.
     */
    static void checkScoreable(String name, Expectation expectation, List<Path> inputs) throws IOException {
        String text = null;
        for (Expected e : expectation.expect) {
            if (e.namespace != null && Category.valueOf(e.category).isNodeScoped()) {
                throw new IllegalStateException(name + ": " + e.category + " is a node incident, it has no namespace ("
                        + e.namespace + ")");
            }
            if (e.namespace == null && e.workload == null && e.node == null) {
                continue;
            }
            if (text == null) {
                StringBuilder all = new StringBuilder();
                for (Path input : inputs) {
                    all.append(new String(Files.readAllBytes(input), StandardCharsets.ISO_8859_1));
                }
                text = all.toString().toLowerCase(java.util.Locale.ROOT); // a node is its host's name lowercased
            }
            String workloadName = e.workload == null ? null : e.workload.substring(e.workload.indexOf('/') + 1);
            for (String named : java.util.Arrays.asList(e.namespace, workloadName, e.node)) {
                if (named != null && !"default".equals(named) && !named.startsWith("unnamed-") && !text.contains(named.toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalStateException(name + ": " + named + " appears in no input");
                }
            }
        }
    }

    ReadOptions readOptions() {
        return new ReadOptions(expectation.cluster == null ? "test" : expectation.cluster,
                expectation.now == null ? DEFAULT_NOW : Instant.parse(expectation.now));
    }

    /** Replays the inputs; rejections are collected into {@code rejected}. */
    Replay.Result replay(List<Rejection> rejected) {
        List<Recorded> records = Recordings.read(inputs, readOptions(), rejected::add);
        return Replay.run(records, AnalyzerConfig.defaults());
    }

    /**
     * Problems with {@code incidents} against the expectation; empty when it holds. Every expected entry needs an
     * incident of its own, and every incident (one per id: {@code incidents} is a replay's latest state) needs an
     * entry, unless {@code allowOther} names its category. So a second incident of a category expected once fails
     * too: a detector that opens one trouble under two ids posts it twice, and where two are right the fixture says
     * so with two entries.
     */
    List<String> check(List<Incident> incidents) {
        return check(incidents, false);
    }

    /**
     * {@link #check}, where an incident no entry expects is also tolerated when it is {@link #alike} a matched one:
     * in its group ({@link IncidentGroups}), which on-call receives as one notification. The real-world suite scores
     * so; the scenario fixtures, which list every incident, stay exact.
     */
    List<String> checkGrouped(List<Incident> incidents) {
        return check(incidents, true);
    }

    private List<String> check(List<Incident> incidents, boolean grouped) {
        List<String> problems = new ArrayList<>();
        List<Incident> pairs = matched(incidents);
        for (int k = 0; k < pairs.size(); k++) {
            if (pairs.get(k) == null) {
                problems.add("expected " + expectation.expect.get(k) + " not found");
            }
        }
        List<Incident> alike = grouped ? alike(incidents, pairs) : List.of();
        for (Incident i : incidents) {
            if (!pairs.contains(i) && !tolerates(i.getCategory()) && !alike.contains(i)) {
                boolean expectedCategory = expectation.expect.stream().anyMatch(e -> e.category.equals(i.getCategory()));
                problems.add("unexpected " + i.getId() + " " + i.getStatus()
                        + (expectedCategory ? " (one more than the fixture expects of " + i.getCategory() + ")" : ""));
            }
        }
        return problems;
    }

    /** The incidents no entry matched that share a group with one that an entry matched. */
    List<Incident> alike(List<Incident> incidents) {
        return alike(incidents, matched(incidents));
    }

    private static List<Incident> alike(List<Incident> incidents, List<Incident> pairs) {
        List<Incident> alike = new ArrayList<>();
        for (IncidentGroups.Group group : IncidentGroups.ofIncidents(incidents)) {
            List<String> ids = group.members().stream().map(IncidentGroups.Member::id).toList();
            boolean matchedInside = pairs.stream().anyMatch(m -> m != null && ids.contains(m.getId()));
            if (matchedInside) {
                incidents.stream().filter(i -> ids.contains(i.getId()) && !pairs.contains(i)).forEach(alike::add);
            }
        }
        return alike;
    }

    /**
     * Pairs each expected entry with the distinct incident it matched (null when none), in {@code expect} order; the
     * matching {@link #check} uses, so scores and pass/fail never disagree.
     */
    List<Incident> matched(List<Incident> incidents) {
        List<Incident> unmatched = new ArrayList<>(incidents);
        List<Incident> pairs = new ArrayList<>();
        for (Expected e : expectation.expect) {
            Incident match = unmatched.stream().filter(i -> matches(e, i)).findFirst().orElse(null);
            pairs.add(match);
            unmatched.remove(match);
        }
        return pairs;
    }

    /**
     * Problems with the transitions of the matched incidents against the entries that list them: each incident's
     * transitions ({@code STATUS at}, in emission order) must be exactly the listed ones.
     */
    List<String> checkTransitions(Replay.Result result) {
        List<String> problems = new ArrayList<>();
        List<Incident> pairs = matched(result.latest());
        for (int k = 0; k < pairs.size(); k++) {
            Expected e = expectation.expect.get(k);
            if (e.transitions == null || pairs.get(k) == null) {
                continue;
            }
            List<String> actual = transitionsOf(result, pairs.get(k).getId());
            if (!actual.equals(e.transitions)) {
                problems.add(e + ": transitions " + actual + ", expected " + e.transitions);
            }
        }
        return problems;
    }

    static List<String> transitionsOf(Replay.Result result, String id) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < result.transitions().size(); t++) {
            if (result.transitions().get(t).getId().equals(id)) {
                out.add(result.transitions().get(t).getStatus() + " " + result.transitionTimes().get(t));
            }
        }
        return out;
    }

    /** Whether an incident no entry expects is tolerated here: {@code allowOther} names its category. */
    boolean tolerates(String category) {
        return expectation.allowOther.contains(category);
    }

    /** Remediation commands that still hold an unfilled {@code {placeholder}}, as "incident-id: command". */
    static List<String> unfilledPlaceholders(List<Incident> incidents) {
        List<String> found = new ArrayList<>();
        for (Incident i : incidents) {
            i.getRemediation().forEach(step -> step.getCommands().stream()
                    .filter(c -> c.matches(".*\\{[a-zA-Z]+}.*"))
                    .forEach(c -> found.add(i.getId() + ": " + c)));
        }
        return found;
    }

    private static boolean matches(Expected e, Incident i) {
        if (!e.category.equals(i.getCategory())) {
            return false;
        }
        if (e.workload != null && (i.getWorkload() == null
                || !e.workload.equals(i.getWorkload().getKind() + "/" + i.getWorkload().getName()))) {
            return false;
        }
        if (e.namespace != null && !e.namespace.equals(i.getNamespace())) {
            return false;
        }
        if (e.node != null && !i.getNodes().contains(e.node)) {
            return false;
        }
        if (e.status != null && !e.status.equals(i.getStatus().name())
                && !(e.status.equals("OPEN") && i.getStatus().name().equals("UPDATED"))) {
            return false;
        }
        if (e.cause != null && (i.getCauses().isEmpty() || !e.cause.equals(i.getCauses().get(0).getId()))) {
            return false;
        }
        List<String> commands = i.getRemediation().stream().flatMap(s -> s.getCommands().stream()).toList();
        for (String wanted : e.commandsContain) {
            if (commands.stream().noneMatch(c -> c.contains(wanted))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
