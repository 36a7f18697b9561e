package dev.incidents.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidents.cli.bench.Comparison.Figure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's output: the table for people (name, measured, baseline, ratio, target, met?) and the same rows as
 * JSON for machines, both with the run's context (date, machine, heap, sizes), so a figure is never read without
 * knowing what it was measured on.
 */
final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> context;
    private final List<Comparison> rows;

    BenchReport(Map<String, String> context, List<Comparison> rows) {
        this.context = context;
        this.rows = List.copyOf(rows);
    }

    void printTable(PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"name", "measured", "baseline", "ratio", "target", "met?"});
        for (Comparison c : rows) {
            if (c.isSkipped()) {
                lines.add(new String[] {c.name(), "-", "-", "-", "-", "skipped"});
            } else {
                lines.add(new String[] {c.name(), figure(c.measured()), figure(c.baseline()),
                        String.format(Locale.ROOT, "%.2f", c.ratio()), c.target().describe(), c.met() ? "yes" : "NO"});
            }
        }
        int[] widths = new int[6];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(i == line.length - 1 ? line[i] : pad(line[i], widths[i] + 2));
            }
            out.println(b.toString().stripTrailing());
        }
        out.println();
        for (Comparison c : rows) {
            out.println(c.name() + ": " + (c.isSkipped() ? "" : c.measured().what() + " vs " + c.baseline().what() + "; ")
                    + c.note());
        }
        context.forEach((k, v) -> out.println(k + ": " + v));
        out.flush();
    }

    void writeJson(Path file) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode run = root.putObject("run");
        context.forEach(run::put);
        ArrayNode comparisons = root.putArray("comparisons");
        for (Comparison c : rows) {
            ObjectNode row = comparisons.addObject();
            row.put("name", c.name());
            if (c.isSkipped()) {
                row.put("skipped", true);
            } else {
                figure(row.putObject("measured"), c.measured());
                figure(row.putObject("baseline"), c.baseline());
                row.put("ratio", c.ratio());
                ObjectNode target = row.putObject("target");
                target.put(c.target().atMost() ? "ratioAtMost" : "ratioAtLeast", c.target().ratio());
                if (c.target().measuredFloor() > 0) {
                    target.put("measuredAtLeast", c.target().measuredFloor());
                }
                row.put("met", c.met());
            }
            row.put("note", c.note());
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void figure(ObjectNode node, Figure figure) {
        node.put("value", figure.value());
        node.put("unit", figure.unit());
        node.put("what", figure.what());
    }

    private static String figure(Figure f) {
        String number = Math.abs(f.value()) >= 100 ? String.format(Locale.ROOT, "%,.0f", f.value())
                : String.format(Locale.ROOT, "%.2f", f.value());
        return number + " " + f.unit();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
