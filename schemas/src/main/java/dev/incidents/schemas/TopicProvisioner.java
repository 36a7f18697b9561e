package dev.incidents.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics that do not exist yet and waits until the cluster serves them. Used by
 * {@code kafka start} on the local broker, by {@code analyze} on any cluster and by {@code demo}; existing topics
 * are left exactly as they are (their partitions and configs are the operator's).
 */
public final class TopicProvisioner {
    private TopicProvisioner() {
    }

    /** Returns the names it created. */
    public static List<String> ensure(Admin admin, List<TopicSpec> topics, short replicationFactor) {
        List<String> created = new ArrayList<>();
        try {
            Set<String> existing = existing(admin, topics.stream().map(TopicSpec::name).toList());
            for (TopicSpec topic : topics) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(topic.configs());
                try {
                    admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new TopicProvisioningException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitServed(admin, topics.stream().map(TopicSpec::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("the cluster did not create topics within 30 s", e);
        }
        return created;
    }

    /**
     * The topics that exist and this client may describe. Asked first because a broker with ACLs answers a creation
     * without the CREATE permission with an authorization error even when the topic exists: a client allowed to read
     * and write topics someone else created must not need CREATE.
     */
    private static Set<String> existing(Admin admin, List<String> names) throws InterruptedException {
        Set<String> existing = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin.describeTopics(names).topicNameValues().entrySet()) {
            try {
                topic.getValue().get(30, TimeUnit.SECONDS);
                existing.add(topic.getKey());
            } catch (ExecutionException | TimeoutException e) {
                // Missing, or not describable: creating it says which.
            }
        }
        return existing;
    }

    /**
     * KRaft acknowledges a creation once the controller committed it; the broker serves the topic a moment later,
     * when it has applied the metadata. A producer or an admin call in that gap gets UNKNOWN_TOPIC_OR_PARTITION.
     */
    private static void awaitServed(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new TopicProvisioningException("the cluster does not serve the topics " + names
                            + " it created: " + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(100);
            }
        }
    }
}
