package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class NotifyCommandTest {

    @Test
    void help_documents_every_option() {
        CommandLine cli = new CommandLine(new NotifyCommand());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--help")).isZero();
        String help = out.toString();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            assertThat(option.description()).as(option.longestName()).isNotEmpty();
            assertThat(String.join(" ", option.description())).as(option.longestName()).isNotBlank();
            assertThat(help).contains(option.longestName());
        }
        assertThat(help).contains("--alertmanager=URL", "--slack-token=TOKEN", "--slack-channel=CHANNEL",
                "--slack-webhook=URL", "--teams-webhook=URL", "--webhook=URL", "--mute=RULE", "--min-severity=SEVERITY",
                "/healthz, /readyz, /metrics");
    }

    @Test
    void usage_errors_exit_2_and_say_what_is_wrong() {
        assertThat(run()).startsWith("2:").contains("no destination");
        assertThat(run("--slack-token", "xoxb-x")).startsWith("2:").contains("--slack-token and --slack-channel go together");
        assertThat(run("--webhook", "http://127.0.0.1:1/", "--mute", "pod=x")).startsWith("2:").contains("unknown key 'pod'");
        assertThat(run("--webhook", "http://127.0.0.1:1/", "--min-severity", "LOUD")).startsWith("2:");
    }

    private static String run(String... args) {
        CommandLine cli = new CommandLine(new NotifyCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return exit + ":" + err;
    }
}
