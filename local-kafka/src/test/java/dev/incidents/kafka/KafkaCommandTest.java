package dev.incidents.kafka;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("start", "--partitions", "many")).isEqualTo(2);
        assertThat(run("start", "--partitions", "0")).isEqualTo(2);
        assertThat(run("restart")).isEqualTo(2);
        assertThat(run("status", "--port", "9092", "--controller-port", "9092")).isEqualTo(2);
        assertThat(err.toString()).contains("--partitions").contains("restart");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String subcommand : List.of("start", "stop", "status")) {
            assertThat(run(subcommand, "--help")).isEqualTo(0);
        }
        assertThat(out.toString()).contains("--data-dir").contains("--partitions").contains("--controller-port");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new KafkaCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
