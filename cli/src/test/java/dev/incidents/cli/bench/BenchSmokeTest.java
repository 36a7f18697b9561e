package dev.incidents.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidents.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench --quick} over the rows that need no broker: the table and the JSON have the expected rows, each with
 * positive figures. It says nothing about the figures themselves (no test asserts on wall-clock time); it proves the
 * bench still runs, so the README's Performance table can always be refreshed.
 */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void quick_offline_rows_print_a_table_and_write_json_with_positive_figures() throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));

        int exit = cli.execute("bench", "--quick", "--only", "replay,memory,linearity", "--json", json.toString(),
                "--dir", dir.toString(), "--sample", Path.of("..", "samples", "gpu-inference-outage.jsonl").toString(),
                "--recording", "scaled"); // the fleet generator has its own test; scaled is the faster input here

        assertThat(exit).isZero();
        List<String> expected = List.of("replay-vs-python", "replay-vs-parse-only", "memory", "linearity");
        String table = out.toString();
        assertThat(table.lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header.split("\\s{2,}")).containsExactly("name", "measured", "baseline", "ratio", "target", "met?"));
        expected.forEach(name -> assertThat(table).containsPattern("(?m)^" + name + "\\s"));

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/run/date").asText()).isNotBlank();
        assertThat(report.at("/run/heap").asText()).contains("max heap");
        assertThat(report.at("/run/recordings").asText()).startsWith("scaled");
        List<String> names = new ArrayList<>();
        for (JsonNode row : report.get("comparisons")) {
            names.add(row.get("name").asText());
            if (row.path("skipped").asBoolean()) {
                // only the Python baseline may be missing (no python3 on the machine), and --quick's linearity on a
                // busy machine (its tiny replay no longer than the empty one), each with its reason
                assertThat(row.get("name").asText()).isIn("replay-vs-python", "linearity");
                if ("linearity".equals(row.get("name").asText())) {
                    assertThat(row.path("note").asText()).contains("too small to measure a time per record");
                }
                continue;
            }
            assertThat(row.at("/measured/value").asDouble()).as(row.get("name") + " measured").isPositive();
            assertThat(row.at("/baseline/value").asDouble()).as(row.get("name") + " baseline").isPositive();
            assertThat(row.get("ratio").asDouble()).as(row.get("name") + " ratio").isPositive();
            assertThat(row.get("met").isBoolean()).isTrue();
        }
        assertThat(names).containsExactlyElementsOf(expected);
    }
}
