package dev.incidents.kafka;

import dev.incidents.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code incidents kafka start|status|stop} as users type it, against a real broker on free ports. */
class KafkaCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void startStatusStopWithTheDefaultTopics(@TempDir Path dataDir) throws Exception {
        BrokerSettings ports = LocalBrokerIT.settings(dataDir);
        String[] where = {"--port", Integer.toString(ports.port()), "--controller-port",
                Integer.toString(ports.controllerPort()), "--data-dir", dataDir.toString()};
        try {
            assertThat(run("status", where)).isEqualTo(1);

            assertThat(run("start", concat(where, "--partitions", "2"))).as(err.toString()).isEqualTo(0);
            assertThat(out.toString()).contains("127.0.0.1:" + ports.port());
            assertThat(run("status", where)).isEqualTo(0);
            assertThat(run("start", where)).isEqualTo(0);
            assertThat(err.toString()).contains("already running");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.port()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.EVENTS, Topics.PODS, Topics.NODES,
                        Topics.INCIDENTS, Topics.INCIDENTS_JSON, Topics.INCIDENTS_DLQ)).allTopicNames().get();
                assertThat(topics.get(Topics.INCIDENTS).partitions()).hasSize(2);
                ConfigResource incidents = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INCIDENTS);
                ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
                Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(incidents, events)).all().get();
                assertThat(configs.get(incidents).get("cleanup.policy").value()).isEqualTo("compact");
                assertThat(configs.get(events).get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(configs.get(events).get("retention.ms").value()).isEqualTo(Long.toString(7L * 24 * 3600 * 1000));
            }

            assertThat(run("stop", where)).isEqualTo(0);
            assertThat(run("status", where)).isEqualTo(1);
        } finally {
            run("stop", where);
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("start", "--partitions", "many")).isEqualTo(2);
        assertThat(run("restart")).isEqualTo(2);
        assertThat(run("status", "--port", "9092", "--controller-port", "9092")).isEqualTo(2);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String subcommand : List.of("start", "stop", "status")) {
            assertThat(run(subcommand, "--help")).isEqualTo(0);
        }
        assertThat(out.toString()).contains("--data-dir").contains("--partitions");
    }

    private int run(String subcommand, String... args) {
        CommandLine cli = new CommandLine(new KafkaCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = concat(new String[]{subcommand}, args);
        return cli.execute(all);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
