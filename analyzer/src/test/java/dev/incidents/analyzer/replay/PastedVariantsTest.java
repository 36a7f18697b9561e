package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.recordings.Rejection;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-world fixtures as they also reach people (issue 15: fix classes of input, not cases): the same text pasted
 * through the ways threads, chats and tickets change it. Every text fixture that passes verbatim is replayed again
 * after each change below, and must still pass; the suite prints, per change, how many do and which do not.
 * <ul>
 *   <li>copied from a rendered page (Markdown outside a code block, a chat client): indentation gone and every run of
 *       spaces one space;</li>
 *   <li>indentation gone only (a paste whose lines were trimmed);</li>
 *   <li>quoted in a reply ({@code > } before every line);</li>
 *   <li>Windows line ends;</li>
 *   <li>kept in a Markdown code fence;</li>
 *   <li>wrapped at 120 columns mid-word, as some terminals copy long lines;</li>
 *   <li>commented out line by line ({@code # }), so that a README's code block stays a runnable script.</li>
 * </ul>
 * Each change has a floor (the fixtures that survive it today, a ratchet): a reader change that loses one fails here.
 * Session 33 added the copies of web pages and documents (every space a no-break space, every line indented as a list
 * item's code block, typographic quotes), and raised every floor to what survives today.
 * What is lost today (session 13): a rendered copy loses the column gaps that tell an Events row's From from its
 * Message, and YAML fragments lose their structure with their indentation (a flat {@code describe pod} or
 * {@code describe node} gets its indentation back from its field names, {@code FlatDescribe}); a quoted
 * message a terminal wrapped is joined back only when cut inside a word or a name, at 100 columns or more.
 */
class PastedVariantsTest {

    private static final Pattern SPACES = Pattern.compile(" {2,}|\t+");
    private static final Pattern INDENTATION = Pattern.compile("(?m)^[ \t]+");

    /** The changes, by name, with the share of the verbatim passes each must keep (the ratchet). */
    record Variant(String name, UnaryOperator<String> change, int floor) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("rendered (no indentation, single spaces)",
                    t -> SPACES.matcher(INDENTATION.matcher(t).replaceAll("")).replaceAll(" "), 2246),
            new Variant("indentation trimmed", t -> INDENTATION.matcher(t).replaceAll(""), 2271),
            new Variant("quoted in a reply", t -> t.lines().map(l -> "> " + l).reduce("", (a, l) -> a + l + "\n"), 2290),
            new Variant("Windows line ends", t -> t.replace("\n", "\r\n"), 2298),
            new Variant("in a code fence", t -> "```\n" + t + (t.endsWith("\n") ? "" : "\n") + "```\n", 2298),
            new Variant("wrapped at 120 columns", t -> wrapped(t, 120), 2209),
            new Variant("commented out (# before each line)", t -> t.lines().map(l -> l.isEmpty() ? "#" : "# " + l)
                    .reduce("", (a, l) -> a + l + "\n"), 2285),
            new Variant("indented 4 (a list item's code block)", t -> t.lines().map(l -> l.isEmpty() ? "" : "    " + l)
                    .reduce("", (a, l) -> a + l + "\n"), 2296),
            new Variant("no-break spaces (a web page's copy)", t -> t.replace(' ', '\u00a0'), 2298),
            new Variant("curly quotes (a word processor)", PastedVariantsTest::curlyQuotes, 2296));

    /** Straight double quotes turned typographic, opening after a space or a line start and closing otherwise. */
    static String curlyQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                boolean opening = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{:=".indexOf(text.charAt(i - 1)) >= 0;
                out.append(opening ? '\u201c' : '\u201d');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every line longer than {@code width} broken into lines of {@code width} characters, as a terminal copies it. */
    static String wrapped(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (int i = width; i < line.length(); i += width) {
                out.append(line, i - width, i).append('\n');
            }
            out.append(line.substring(Math.max(0, (line.length() - 1) / width * width))).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    static List<Scenario> verbatimPasses;
    static final Map<String, List<String>> LOST = new LinkedHashMap<>();

    @BeforeAll
    static void replay_every_variant(@TempDir Path scratch) {
        // each replay is independent (its own driver and state directory): both cores of a CI machine take them
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        try {
            verbatimPasses = pool.submit(() -> Scenario.under(RealWorldAccuracyTest.DIR).parallelStream()
                    .filter(s -> s.inputs().stream().allMatch(p -> p.toString().endsWith(".txt")) && passes(s))
                    .toList()).get();
            int k = 0;
            for (Variant v : VARIANTS) {
                Path dir = scratch.resolve("variant-" + k++);
                LOST.put(v.name(), pool.submit(() -> verbatimPasses.parallelStream()
                        .filter(s -> !passes(changed(s, v.change(), dir))).map(Scenario::name).toList()).get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        System.out.println(report());
    }

    static boolean passes(Scenario s) {
        List<Rejection> rejected = new ArrayList<>();
        List<Incident> incidents = s.replay(rejected).latest();
        return s.checkGrouped(incidents).isEmpty();
    }

    /** {@code s} with each input written through {@code change}, under the same file names (the format is by name). */
    static Scenario changed(Scenario s, UnaryOperator<String> change, Path dir) {
        try {
            Path folder = Files.createDirectories(dir.resolve(s.name()));
            List<Path> inputs = new ArrayList<>();
            for (Path input : s.inputs()) {
                Path copy = folder.resolve(input.getFileName().toString());
                Files.writeString(copy, change.apply(Files.readString(input, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
                inputs.add(copy);
            }
            return new Scenario(s.name(), inputs, s.expectation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String report() {
        StringBuilder out = new StringBuilder("\nPasted variants of the ").append(verbatimPasses.size())
                .append(" text fixtures that pass verbatim\n");
        for (Map.Entry<String, List<String>> e : LOST.entrySet()) {
            int kept = verbatimPasses.size() - e.getValue().size();
            out.append(String.format("%-44s %4d/%d still pass (%s)%n", e.getKey(), kept, verbatimPasses.size(),
                    RealWorldAccuracyTest.percent(kept, verbatimPasses.size()).trim()));
        }
        for (Map.Entry<String, List<String>> e : LOST.entrySet()) {
            e.getValue().forEach(name -> out.append("LOST (").append(e.getKey()).append(") ").append(name).append('\n'));
        }
        return out.toString();
    }

    @Test
    void each_variant_keeps_the_fixtures_it_kept() {
        for (Variant v : VARIANTS) {
            int kept = verbatimPasses.size() - LOST.get(v.name()).size();
            assertThat(kept).as(v.name() + report()).isGreaterThanOrEqualTo(v.floor());
        }
    }
}
