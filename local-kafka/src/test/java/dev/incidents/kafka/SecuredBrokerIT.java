package dev.incidents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.kafka.testing.SecuredBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The secured test broker itself: TLS + SCRAM and PLAIN, users through the Admin API, ACLs enforced. */
class SecuredBrokerIT {
    static SecuredBroker broker;
    static final String PASSWORD = UUID.randomUUID().toString();

    @BeforeAll
    static void start() throws Exception {
        broker = SecuredBroker.start(Path.of("target", "secured-broker-it-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath());
        broker.createScramUser("writer", PASSWORD);
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic("secured.topic", 1, (short) 1), new NewTopic("secured.other", 1, (short) 1)))
                    .all().get();
        }
        broker.allow(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "secured.topic", PatternType.LITERAL),
                new AccessControlEntry("User:writer", "*", AclOperation.WRITE, AclPermissionType.ALLOW))));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_scram_user_writes_where_an_acl_allows_it_and_nowhere_else() throws Exception {
        try (KafkaProducer<String, String> producer = producer(broker.clientProperties("SCRAM-SHA-512", "writer", PASSWORD))) {
            producer.send(new ProducerRecord<>("secured.topic", "k", "v")).get();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("secured.other", "k", "v")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // The PLAIN user has no ACL: authenticated, not authorized.
        try (KafkaConsumer<String, String> consumer = consumer(broker.clientProperties("PLAIN", SecuredBroker.PLAIN_USER, broker.plainPassword()))) {
            assertThatThrownBy(() -> consumer.endOffsets(List.of(new TopicPartition("secured.topic", 0)), Duration.ofSeconds(20)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void a_wrong_password_fails_at_once() {
        long begin = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = consumer(broker.clientProperties("SCRAM-SHA-512", "writer", "not-" + PASSWORD))) {
            assertThatThrownBy(() -> consumer.partitionsFor("secured.topic", Duration.ofSeconds(20)))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }

    private static KafkaProducer<String, String> producer(Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("max.block.ms", 20_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
