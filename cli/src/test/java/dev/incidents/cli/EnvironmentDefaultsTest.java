package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.live.AnalyzeCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EnvironmentDefaultsTest {

    @Test
    void variable_names_follow_the_long_option() {
        assertThat(EnvironmentDefaults.variable("--bootstrap-server")).isEqualTo("INCIDENTS_BOOTSTRAP_SERVER");
        assertThat(EnvironmentDefaults.variable("--http-port")).isEqualTo("INCIDENTS_HTTP_PORT");
    }

    @Test
    void the_environment_sets_an_option_the_command_line_overrides_and_defaults_stay_otherwise() {
        CommandLine root = Main.commandLine();
        root.setDefaultValueProvider(new EnvironmentDefaults(Map.of(
                "INCIDENTS_BOOTSTRAP_SERVER", "kafka:9092", "INCIDENTS_HTTP_PORT", "9000")));

        CommandLine.ParseResult fromEnvironment = root.parseArgs("analyze");
        CommandLine.ParseResult overridden = root.parseArgs("analyze", "--http-port", "7000");

        CommandLine analyze = fromEnvironment.subcommand().commandSpec().commandLine();
        assertThat(analyze.getCommandSpec().findOption("--bootstrap-server").<String>getValue()).isEqualTo("kafka:9092");
        assertThat(overridden.subcommand().commandSpec().findOption("--http-port").<Integer>getValue()).isEqualTo(7000);
        assertThat(overridden.subcommand().commandSpec().findOption("--application-id").<String>getValue())
                .isEqualTo("incidents-analyzer");
        assertThat(analyze.<AnalyzeCommand>getCommand()).isNotNull();
    }

    @Test
    void every_verb_of_design_section_7_is_mounted() {
        assertThat(Main.commandLine().getSubcommands().keySet())
                .contains("demo", "replay", "ship", "analyze", "record", "tail", "notify", "kafka", "bench");
    }
}
