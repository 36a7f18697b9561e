package dev.incidents.cli;

import dev.incidents.analyzer.live.AnalyzeCommand;
import dev.incidents.analyzer.live.TailCommand;
import dev.incidents.analyzer.notify.NotifyCommand;
import dev.incidents.analyzer.replay.ReplayCommand;
import dev.incidents.cli.bench.BenchCommand;
import dev.incidents.kafka.KafkaCommand;
import dev.incidents.shipper.cli.RecordCommand;
import dev.incidents.shipper.cli.ShipCommand;
import picocli.CommandLine;

/** The verbs of DESIGN.md section 7, in the order users meet them. A verb appears here when it works. */
final class Verbs {
    private Verbs() {
    }

    static void mount(CommandLine root) {
        root.addSubcommand(new DemoCommand());
        root.addSubcommand(new ReplayCommand());
        root.addSubcommand(new ShipCommand());
        root.addSubcommand(new AnalyzeCommand());
        root.addSubcommand(new RecordCommand());
        root.addSubcommand(new TailCommand());
        root.addSubcommand(new NotifyCommand());
        root.addSubcommand(new KafkaCommand());
        root.addSubcommand(new BenchCommand());
    }
}
