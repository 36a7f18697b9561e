package dev.incidents.analyzer.hints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.incidents.analyzer.Category;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.RemediationStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The remediation knowledge of the analyzer: per {@link Category} a title, a summary, ranked causes and remediation
 * steps, read from {@code hints/catalog.yaml} (data, not Java strings, so hints change without touching detectors).
 *
 * <p>Loading is strict: an unknown category, a category without an entry, an unknown key or an unknown placeholder
 * throws {@link IllegalStateException} naming the entry; so does an unknown {@link Clue} in {@code when}. A cause with
 * {@code when: CLUE} is rendered only when the facts carry the clue, and ranked before the general causes; a step with
 * {@code when: CLUE} only when they carry it (what to do about that cause alone); the first of an entry's
 * {@code headlines} whose clue they carry ({@code when}), or whose {@code kind} the incident's workload is, gives the
 * title and summary in place of the entry's own (a category seen another way: the kubelet refusing bound pods, not the
 * scheduler leaving them Pending; a claim Pending on its own, not a pod waiting for it).
 *
 * <p>Immutable once loaded: load it once per application and share it between stream threads. Rendering never emits a {@code {placeholder}}: prose uses the
 * fact's fallback phrase, a command with a missing fact is left out, and a cause or step whose {@code requires} facts
 * are missing is left out.
 */
public final class HintCatalog {

    public static final String RESOURCE = "hints/catalog.yaml";

    private static final Set<String> ENTRY_KEYS = Set.of("title", "summary", "headlines", "causes", "remediation");
    /** A title and summary in place of the entry's own when the evidence proves a clue (the first such one). */
    private static final Set<String> HEADLINE_KEYS = Set.of("when", "kind", "title", "summary");
    private static final Set<String> CAUSE_KEYS = Set.of("cause", "id", "confidence", "requires", "when", "unless");

    /** When the evidence proves a cause, the general ones are guesses beside it: none above this. */
    static final double GUESS_BESIDE_PROOF = 0.5;
    private static final Set<String> STEP_KEYS = Set.of("step", "commands", "requires", "when");

    private record CauseTemplate(String id, HintTemplate cause, double confidence, Set<Fact> requires, Optional<Clue> when,
                                 Set<Clue> unless) {
    }

    private record StepTemplate(HintTemplate step, List<HintTemplate> commands, Set<Fact> requires,
                                Optional<Clue> when) {
    }

    /**
     * Chosen when the facts carry clue {@code when}, or (without a clue) when the incident's workload is of {@code kind}:
     * the category seen on an object of another kind than its usual one (a claim Pending on its own, a pod the API
     * server refuses to create), which the entry's own words name wrongly.
     */
    private record Headline(Optional<Clue> when, Optional<String> kind, HintTemplate title, HintTemplate summary) {

        boolean applies(Facts facts) {
            return when.map(facts::has).orElseGet(() -> kind.equals(facts.get(Fact.WORKLOAD_KIND)));
        }
    }

    private record Entry(HintTemplate title, HintTemplate summary, List<Headline> headlines, List<CauseTemplate> causes,
                         List<StepTemplate> remediation) {
    }

    private final Map<Category, Entry> entries;

    private HintCatalog(Map<Category, Entry> entries) {
        this.entries = entries;
    }

    /** The catalog shipped in the analyzer jar. */
    public static HintCatalog load() {
        try (InputStream in = HintCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("hint catalog: classpath resource " + RESOURCE + " not found");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("hint catalog: cannot read " + RESOURCE, e);
        }
    }

    /** Parses and checks a catalog document. */
    public static HintCatalog parse(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("hint catalog: not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("hint catalog: expected a mapping of category name to entry");
        }
        Map<Category, Entry> entries = new EnumMap<>(Category.class);
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Category category;
            try {
                category = Category.valueOf(field.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hint catalog: unknown category " + field.getKey());
            }
            try {
                entries.put(category, entry(category.name(), field.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hint catalog: " + e.getMessage(), e);
            }
        }
        EnumSet<Category> missing = EnumSet.allOf(Category.class);
        missing.removeAll(entries.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("hint catalog: no entry for " + missing);
        }
        return new HintCatalog(entries);
    }

    private static Entry entry(String where, JsonNode node) {
        requireKeys(where, node, ENTRY_KEYS, Set.of("title", "summary", "causes", "remediation"));
        List<CauseTemplate> causes = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        JsonNode causeNodes = node.get("causes");
        requireArray(where + ".causes", causeNodes);
        for (int i = 0; i < causeNodes.size(); i++) {
            String at = where + ".causes[" + i + "]";
            JsonNode c = causeNodes.get(i);
            requireKeys(at, c, CAUSE_KEYS, Set.of("cause", "confidence"));
            double confidence = c.get("confidence").asDouble(-1);
            if (!c.get("confidence").isNumber() || confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException(at + ".confidence: expected a number in [0, 1]");
            }
            Optional<Clue> when = clue(at + ".when", c.get("when"));
            String id = c.has("id") ? text(at + ".id", c.get("id")) : when.map(Clue::name).orElseThrow(() ->
                    new IllegalArgumentException(at + ": a cause needs an 'id' (or a 'when' clue, which is its id)"));
            if (!id.matches("[A-Z][A-Z0-9_]*") || !ids.add(id)) {
                throw new IllegalArgumentException(at + ".id: '" + id + "' is not an UPPER_SNAKE name unique in the entry");
            }
            causes.add(new CauseTemplate(id, HintTemplate.parse(text(at + ".cause", c.get("cause")), at + ".cause"),
                    confidence, requires(at, c.get("requires")), when, clues(at + ".unless", c.get("unless"))));
        }
        List<StepTemplate> steps = new ArrayList<>();
        JsonNode stepNodes = node.get("remediation");
        requireArray(where + ".remediation", stepNodes);
        for (int i = 0; i < stepNodes.size(); i++) {
            String at = where + ".remediation[" + i + "]";
            JsonNode s = stepNodes.get(i);
            requireKeys(at, s, STEP_KEYS, Set.of("step"));
            List<HintTemplate> commands = new ArrayList<>();
            JsonNode commandNodes = s.get("commands");
            if (commandNodes != null) {
                requireArray(at + ".commands", commandNodes);
                for (int j = 0; j < commandNodes.size(); j++) {
                    String cat = at + ".commands[" + j + "]";
                    commands.add(HintTemplate.parse(text(cat, commandNodes.get(j)), cat));
                }
            }
            steps.add(new StepTemplate(HintTemplate.parse(text(at + ".step", s.get("step")), at + ".step"),
                    List.copyOf(commands), requires(at, s.get("requires")), clue(at + ".when", s.get("when"))));
        }
        List<Headline> headlines = new ArrayList<>();
        JsonNode headlineNodes = node.get("headlines");
        if (headlineNodes != null) {
            requireArray(where + ".headlines", headlineNodes);
            for (int i = 0; i < headlineNodes.size(); i++) {
                String at = where + ".headlines[" + i + "]";
                JsonNode h = headlineNodes.get(i);
                requireKeys(at, h, HEADLINE_KEYS, Set.of("title", "summary"));
                Optional<Clue> when = clue(at + ".when", h.get("when"));
                Optional<String> kind = h.hasNonNull("kind") ? Optional.of(text(at + ".kind", h.get("kind")))
                        : Optional.empty();
                if (when.isPresent() == kind.isPresent()) {
                    throw new IllegalArgumentException(at + ": a headline needs either `when` or `kind`");
                }
                headlines.add(new Headline(when, kind,
                        HintTemplate.parse(text(at + ".title", h.get("title")), at + ".title"),
                        HintTemplate.parse(text(at + ".summary", h.get("summary")), at + ".summary")));
            }
        }
        return new Entry(HintTemplate.parse(text(where + ".title", node.get("title")), where + ".title"),
                HintTemplate.parse(text(where + ".summary", node.get("summary")), where + ".summary"),
                List.copyOf(headlines), List.copyOf(causes), List.copyOf(steps));
    }

    private static void requireKeys(String where, JsonNode node, Set<String> allowed, Set<String> required) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key '" + name + "' (allowed: " + allowed + ")");
            }
        });
        for (String name : required) {
            if (!node.has(name)) {
                throw new IllegalArgumentException(where + ": missing key '" + name + "'");
            }
        }
    }

    private static void requireArray(String where, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(where + ": expected a list");
        }
    }

    private static String text(String where, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + ": expected a string");
        }
        return node.asText();
    }

    private static Optional<Clue> clue(String where, JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        String name = text(where, node);
        try {
            return Optional.of(Clue.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown clue '" + name + "'");
        }
    }

    /** One clue or a list of them ({@code unless: [A, B]}). */
    private static Set<Clue> clues(String where, JsonNode node) {
        if (node == null) {
            return Set.of();
        }
        if (!node.isArray()) {
            return Set.of(clue(where, node).orElseThrow());
        }
        Set<Clue> clues = java.util.EnumSet.noneOf(Clue.class);
        for (int i = 0; i < node.size(); i++) {
            clues.add(clue(where + "[" + i + "]", node.get(i)).orElseThrow());
        }
        return clues;
    }

    private static Set<Fact> requires(String where, JsonNode node) {
        EnumSet<Fact> facts = EnumSet.noneOf(Fact.class);
        if (node == null) {
            return facts;
        }
        requireArray(where + ".requires", node);
        for (JsonNode n : node) {
            String name = text(where + ".requires", n);
            facts.add(Fact.ofPlaceholder(name).orElseThrow(() ->
                    new IllegalArgumentException(where + ".requires: unknown fact '" + name + "'")));
        }
        return facts;
    }

    /** Fills the entry of {@code category} with {@code facts}; see the class comment for what is left out. */
    public RenderedHint render(Category category, Facts facts) {
        Entry entry = entries.get(category);
        // Causes the evidence points at (their clue is present) first, then the general ones, each in file order.
        List<Cause> proven = new ArrayList<>();
        List<Cause> general = new ArrayList<>();
        for (CauseTemplate c : entry.causes()) {
            if (!hasAll(facts, c.requires()) || c.when().isPresent() && !facts.has(c.when().get())
                    || c.unless().stream().anyMatch(facts::has)) {
                continue;
            }
            Cause cause = Cause.newBuilder().setId(c.id()).setCause(c.cause().prose(facts))
                    .setConfidence(c.confidence()).setEvidence(new ArrayList<>()).build();
            (c.when().isPresent() ? proven : general).add(cause);
        }
        List<Cause> causes = new ArrayList<>(proven);
        for (Cause guess : general) {
            if (!proven.isEmpty() && guess.getConfidence() > GUESS_BESIDE_PROOF) {
                guess.setConfidence(GUESS_BESIDE_PROOF);
            }
            causes.add(guess);
        }
        List<RemediationStep> steps = new ArrayList<>();
        for (StepTemplate s : entry.remediation()) {
            if (!hasAll(facts, s.requires()) || s.when().isPresent() && !facts.has(s.when().get())) {
                continue;
            }
            List<String> commands = new ArrayList<>();
            for (HintTemplate command : s.commands()) {
                command.command(facts).ifPresent(commands::add);
            }
            steps.add(RemediationStep.newBuilder().setStep(s.step().prose(facts)).setCommands(commands).build());
        }
        HintTemplate title = entry.title();
        HintTemplate summary = entry.summary();
        for (Headline headline : entry.headlines()) {
            if (headline.applies(facts)) {
                title = headline.title();
                summary = headline.summary();
                break;
            }
        }
        return new RenderedHint(title.prose(facts), summary.prose(facts), causes, steps);
    }

    /** The facts an entry's templates use: what a detector should try to collect for that category. */
    public Set<Fact> factsUsedBy(Category category) {
        Entry entry = entries.get(category);
        EnumSet<Fact> used = EnumSet.noneOf(Fact.class);
        used.addAll(entry.title().facts());
        used.addAll(entry.summary().facts());
        entry.headlines().forEach(h -> {
            used.addAll(h.title().facts());
            used.addAll(h.summary().facts());
        });
        entry.causes().forEach(c -> used.addAll(c.cause().facts()));
        entry.remediation().forEach(s -> {
            used.addAll(s.step().facts());
            s.commands().forEach(c -> used.addAll(c.facts()));
        });
        return used;
    }

    /** Categories with an entry; equals all of {@link Category} once loaded. */
    public Set<Category> categories() {
        return EnumSet.copyOf(entries.keySet());
    }

    private static boolean hasAll(Facts facts, Set<Fact> required) {
        for (Fact f : required) {
            if (!facts.has(f)) {
                return false;
            }
        }
        return true;
    }
}
