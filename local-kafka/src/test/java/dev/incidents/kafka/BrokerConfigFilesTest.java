package dev.incidents.kafka;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConfigFilesTest {

    @Test
    void serverPropertiesRunOneCombinedKraftNodeWithSingleReplicaInternalTopics() throws IOException {
        BrokerSettings settings = BrokerSettings.defaults().withHome(Path.of("/tmp/k")).withPorts(19092, 19093);
        Properties properties = new Properties();
        properties.load(new StringReader(BrokerConfigFiles.serverProperties(settings)));

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(properties.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(properties.getProperty("log.dirs")).isEqualTo("/tmp/k/data");
        for (String key : new String[]{"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr"}) {
            assertThat(properties.getProperty(key)).as(key).isEqualTo("1");
        }
        assertThat(properties.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }

    @Test
    void brokerConfigsGoOverTheGeneratedOnes() throws IOException {
        BrokerSettings settings = BrokerSettings.defaults().withHome(Path.of("/tmp/k"))
                .withBrokerConfig("log.retention.check.interval.ms", "1000")
                .withBrokerConfig("log.retention.hours", "1");
        Properties properties = new Properties();
        properties.load(new StringReader(BrokerConfigFiles.serverProperties(settings)));

        assertThat(properties.getProperty("log.retention.check.interval.ms")).isEqualTo("1000");
        assertThat(properties.getProperty("log.retention.hours")).isEqualTo("1");
        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(BrokerSettings.defaults().brokerConfigs()).isEmpty();
    }

    @Test
    void theBrokerLogsToAFileInItsLogsDirectory() {
        BrokerSettings settings = BrokerSettings.defaults().withHome(Path.of("/tmp/k"));

        assertThat(BrokerConfigFiles.log4jConfig(settings))
                .contains("fileName=\"/tmp/k/logs/server.log\"")
                .contains("%d");
    }
}
