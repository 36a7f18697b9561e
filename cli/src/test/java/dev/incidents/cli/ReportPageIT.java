package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.replay.Replay;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.Incident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import picocli.CommandLine;

/**
 * {@code replay --output html} of the demo recording, opened from disk in a real Chromium: what a person writing the
 * post-mortem sees (a row per incident, the chart, the detail with its timeline and commands), that its script runs
 * under the file's own Content-Security-Policy, and that it requested nothing. Screenshots go to
 * {@code target/pages/}.
 */
class ReportPageIT {
    static final Path OUT = Path.of("target", "pages");
    static final String TRITON = "prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL";

    static List<Incident> expected;
    static Path report;
    static Browser browser;

    @BeforeAll
    static void write_the_report_and_open_it() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("replay", "--output", "html", DemoIT.RECORDING.toString())).as("stderr:\n%s", err).isZero();
        report = Files.writeString(Files.createDirectories(OUT).resolve("report.html"), out.toString());
        expected = Replay.run(Recordings.read(List.of(DemoIT.RECORDING), new ReadOptions(null, Instant.now()), r -> { }),
                AnalyzerConfig.defaults()).latest();

        browser = Browser.start(1280, 900);
        browser.driver().get(report.toAbsolutePath().toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void one_row_per_incident_with_its_status_and_one_bar_per_incident_in_the_chart() {
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("details.incident"));
        assertThat(rows.stream().map(r -> r.getAttribute("data-id") + "=" + r.getAttribute("data-status")))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(i -> i.getId() + "=" + i.getStatus()).toList());
        // Open incidents first, as on-call reads them.
        List<String> statuses = rows.stream().map(r -> r.getAttribute("data-status")).toList();
        assertThat(statuses.indexOf("RESOLVED")).isEqualTo(statuses.size() - (int) statuses.stream()
                .filter("RESOLVED"::equals).count());
        assertThat(rows.get(0).findElement(By.cssSelector("summary")).getText()).contains("OPEN");

        List<WebElement> bars = browser.driver().findElements(By.cssSelector("svg.chart a.chart-row"));
        assertThat(bars).hasSize(expected.size());
        assertThat(browser.driver().findElement(By.cssSelector(".stats")).getText()).contains("Incidents\n7")
                .contains("Still failing at the end\n4");
    }

    @Test
    void a_chart_bar_opens_the_incident_with_its_timeline_causes_and_commands() {
        browser.driver().findElement(By.cssSelector("svg.chart a.chart-row[data-id='" + TRITON + "']")).click();
        WebElement triton = row(TRITON);
        assertThat(triton.getAttribute("open")).isNotNull();
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/incident/" + TRITON);
        List<String> transitions = Browser.texts(triton.findElements(By.cssSelector("ol.timeline li.t-transition .badge")));
        assertThat(transitions).containsExactly("OPEN", "RESOLVED");
        assertThat(triton.findElements(By.cssSelector("ol.timeline li.t-evidence"))).hasSizeGreaterThan(5);
        assertThat(triton.findElement(By.cssSelector("ol.timeline")).getText())
                .contains("no space left on device").contains("recovered: Pulled");
        assertThat(triton.findElements(By.cssSelector("svg.strip circle.mk"))).hasSize(2);
        assertThat(Browser.texts(triton.findElements(By.cssSelector("ol.causes .conf")))).first().isEqualTo("80%");
        WebElement command = triton.findElement(By.cssSelector("ol.steps .cmd"));
        assertThat(command.findElement(By.tagName("code")).getText()).startsWith("kubectl ");
        assertThat(command.findElement(By.cssSelector("button.copy")).isDisplayed())
                .as("copy buttons are shown by the script, which the report's CSP hash must allow").isTrue();
        browser.screenshot(OUT.resolve("report.png"), 1280, 1900);
        browser.resize(1280, 900);
    }

    @Test
    void filters_narrow_the_rows_and_the_report_loads_nothing() {
        Select status = new Select(browser.driver().findElement(By.cssSelector("select[data-filter='status']")));
        status.selectByValue("RESOLVED");
        assertThat(visibleIds()).hasSize((int) expected.stream().filter(i -> i.getStatus().name().equals("RESOLVED")).count());
        new Select(browser.driver().findElement(By.cssSelector("select[data-filter='namespace']"))).selectByValue("inference");
        assertThat(visibleIds()).containsExactlyInAnyOrder(TRITON,
                "prod-us-east-1/inference/Deployment/vllm-llama3/IMAGE_PULL_DISK_FULL");
        assertThat(browser.driver().findElement(By.id("counts")).getText()).isEqualTo("7 incidents · 4 open · 2 shown");
        browser.driver().findElement(By.id("clear-filters")).click();
        assertThat(visibleIds()).hasSize(expected.size());

        assertThat(((Number) browser.script("return performance.getEntriesByType('resource').length")).intValue())
                .as("requests made by the report").isZero();
    }

    private static WebElement row(String id) {
        return browser.driver().findElements(By.cssSelector("details.incident")).stream()
                .filter(r -> id.equals(r.getAttribute("data-id"))).findFirst().orElseThrow();
    }

    private static List<String> visibleIds() {
        return browser.driver().findElements(By.cssSelector("details.incident")).stream().filter(WebElement::isDisplayed)
                .map(r -> r.getAttribute("data-id")).collect(Collectors.toList());
    }
}
