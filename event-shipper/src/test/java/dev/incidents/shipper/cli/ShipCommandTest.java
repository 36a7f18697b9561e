package dev.incidents.shipper.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ShipCommandTest {
    @Test
    void helpListsTheContractOptions() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ShipCommand()).setOut(new PrintWriter(out, true)).execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--kubeconfig", "--context", "--cluster", "--bootstrap-server", "--kafka-config",
                "--schema-registry", "--namespace", "--exclude-namespace", "--selector", "--http-port", "--from", "--rate");
    }

    @Test
    void recordHelpAndUsageErrorsExit2() {
        StringWriter out = new StringWriter();
        assertThat(new CommandLine(new RecordCommand()).setOut(new PrintWriter(out, true)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--output", "--duration");
        StringWriter err = new StringWriter();
        assertThat(new CommandLine(new RecordCommand()).setErr(new PrintWriter(err, true)).execute("--output", "x.jsonl", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("not a duration");
        assertThat(new CommandLine(new ShipCommand()).setErr(new PrintWriter(new StringWriter(), true)).execute("--resync", "10x")).isEqualTo(2);
    }
}
