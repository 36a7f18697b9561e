package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {

    static final Path SEED_001 = Path.of("src/test/resources/scenarios/seed-001-disk-full-image-pull.describe.txt");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReplayCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonl_is_one_incident_per_line_and_identical_across_runs() {
        Run first = run("--output", "jsonl", "--now", "2025-03-14T10:04:09Z", "--cluster", "prod-us-east-1", SEED_001.toString());
        Run second = run("--output", "jsonl", "--now", "2025-03-14T10:04:09Z", "--cluster", "prod-us-east-1", SEED_001.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out().lines()).anyMatch(l -> l.startsWith(
                "{\"id\":\"prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL\""));
        assertThat(first.out()).contains("kubectl delete pod triton-79569cfbbc-m2wcc");
    }

    @Test
    void html_output_is_one_page_with_the_incident_and_its_timeline() {
        Run run = run("--output", "html", "--now", "2025-03-14T10:04:09Z", "--cluster", "prod-us-east-1", SEED_001.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!doctype html>").endsWith("</html>\n")
                .contains("data-id=\"prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL\"")
                .contains("class=\"chart\"").contains("class=\"timeline\"")
                .contains("kubectl delete pod triton-79569cfbbc-m2wcc");
    }

    @Test
    void text_output_names_the_incident_for_on_call() {
        Run run = run("--now", "2025-03-14T10:04:09Z", SEED_001.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("IMAGE_PULL_DISK_FULL").contains("ip-10-0-1-149.ec2.internal");
    }

    /**
     * Workloads of a namespace failing alike (sigstore's helm charts: the Rekor server and the Trillian log server and
     * signer crash-looping before MySQL is ready) are an incident each, and one group line after them: what Alertmanager's
     * README route sends as one notification.
     */
    @Test
    void text_output_names_the_groups_of_workloads_failing_alike() {
        Path listing = Path.of("src/test/resources/realworld/crash_loop/"
                + "sigstore-helm-charts-27-rekor-trillian-start-before-mysql-ready-crashloop-4-restarts-get-po.pods.txt");
        Run run = run("--now", "2025-01-01T00:00:00Z", listing.toString());

        assertThat(run.out()).contains("[OPEN]").containsOnlyOnce("[GROUP] CRASH_LOOP in default (cluster ");
        assertThat(run.out().lines().filter(l -> l.startsWith("[GROUP]")).findFirst().orElseThrow())
                .contains("3 alike: Deployment/rekor-server, Deployment/rekor-trillian-log-server, "
                        + "Deployment/rekor-trillian-log-signer");
        assertThat(run("--output", "jsonl", "--now", "2025-01-01T00:00:00Z", listing.toString()).out())
                .doesNotContain("[GROUP]");
    }

    @Test
    void rejected_lines_are_reported_with_file_and_line_and_exit_3(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("events.jsonl");
        Files.writeString(log, """
                {"apiVersion":"v1","kind":"Event","metadata":{"name":"a.1","namespace":"inference"},"involvedObject":{"kind":"Pod","namespace":"inference","name":"triton-79569cfbbc-m2wcc"},"reason":"Pulling","message":"Pulling image","type":"Normal","lastTimestamp":"2025-03-14T10:00:00Z"}
                {not json
                """);
        Run run = run("--output", "jsonl", log.toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains(log + ":2:");
    }

    @Test
    void an_unreadable_file_exits_2() {
        Run run = run("does-not-exist.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("does-not-exist.json");
    }

    /** A file further out of order than --reorder-window is still replayed whole, and stderr says how to order it. */
    @Test
    void records_later_than_the_reorder_window_are_replayed_and_reported(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("events.jsonl");
        StringBuilder text = new StringBuilder();
        for (String time : new String[] {"10:00:03", "10:00:04", "10:00:05", "10:00:01"}) {
            text.append("{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"shop\",\"name\":\"web-0\"},"
                    + "\"reason\":\"Pulled\",\"type\":\"Normal\",\"lastTimestamp\":\"2025-03-14T").append(time).append("Z\"}\n");
        }
        Files.writeString(log, text);

        Run narrow = run("--reorder-window", "2", log.toString());
        Run wide = run(log.toString());

        assertThat(narrow.exit()).as(narrow.err()).isZero();
        assertThat(narrow.err()).contains("1 record(s) were further out of time order than the reorder window (2 records")
                .contains("4 record(s) read");
        assertThat(wide.err()).doesNotContain("out of time order").contains("4 record(s) read");
        assertThat(run("--reorder-window", "0", log.toString()).exit()).isEqualTo(2);
    }
}
