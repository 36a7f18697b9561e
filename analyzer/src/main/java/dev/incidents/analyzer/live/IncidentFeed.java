package dev.incidents.analyzer.live;

import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.schemas.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A background reader of the incident JSON topic from given offsets (an {@link IncidentTopicReader}):
 * hands each transition to a callback and keeps the latest state of every incident. What {@code demo} prints
 * and what the end-to-end test compares with {@code replay}.
 */
public final class IncidentFeed implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final Consumer<Incident> onTransition;
    private final Map<String, Incident> latest = new LinkedHashMap<>();
    private final List<String> duplicates = new ArrayList<>();
    private final Map<String, String> lastJson = new LinkedHashMap<>();
    private final AtomicLong transitions = new AtomicLong();
    private final AtomicLong lastTransitionNanos = new AtomicLong(System.nanoTime());
    private final Thread thread;
    /** False for a feed that runs as long as {@code analyze} (the live page): it keeps no states of its own. */
    private final boolean keepStates;

    public IncidentFeed(Map<String, Object> client, String topic, Map<TopicPartition, Long> from,
                        Consumer<Incident> onTransition) {
        this(client, topic, from, onTransition, true);
    }

    private IncidentFeed(Map<String, Object> client, String topic, Map<TopicPartition, Long> from,
                         Consumer<Incident> onTransition, boolean keepStates) {
        this.consumer = IncidentTopicReader.open(client);
        this.onTransition = onTransition;
        this.keepStates = keepStates;
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        this.thread = new Thread(this::run, "incident-feed-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Every transition still on {@code topic} (from the beginning of each partition), then each new one, to
     * {@code onTransition} only: nothing is kept here, so it can run for as long as the process does.
     */
    public static IncidentFeed follow(Map<String, Object> client, String topic, Consumer<Incident> onTransition) {
        Map<TopicPartition, Long> from;
        try (KafkaConsumer<String, String> probe = IncidentTopicReader.open(client)) {
            from = probe.beginningOffsets(IncidentTopicReader.partitions(probe, topic));
        }
        return new IncidentFeed(client, topic, from, onTransition, false);
    }

    /** Where each partition of {@code topic} ends now: where a feed starts to see only what comes next. */
    public static Map<TopicPartition, Long> endOffsets(Map<String, Object> client, String topic) {
        try (KafkaConsumer<String, String> probe = IncidentTopicReader.open(client)) {
            return probe.endOffsets(IncidentTopicReader.partitions(probe, topic));
        }
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        accept(record.value());
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(String json) {
        if (!keepStates) {
            try {
                onTransition.accept(IncidentJson.fromJson(json));
            } catch (IllegalArgumentException notAnIncident) {
                // Only the analyzer writes this topic; a record it cannot read back is skipped, not fatal to the page.
            }
            transitions.incrementAndGet();
            return;
        }
        Incident incident = IncidentJson.fromJson(json);
        synchronized (this) {
            if (json.equals(lastJson.put(incident.getId(), json))) {
                duplicates.add(incident.getId());
            }
            latest.put(incident.getId(), incident);
        }
        transitions.incrementAndGet();
        lastTransitionNanos.set(System.nanoTime());
        onTransition.accept(incident);
    }

    /** Latest state of every incident seen, in order of first appearance. */
    public synchronized List<Incident> latest() {
        return new ArrayList<>(latest.values());
    }

    /** Ids whose transition repeated the previous one byte for byte (the chat-bot spam a correct pipeline never sends). */
    public synchronized List<String> duplicates() {
        return new ArrayList<>(duplicates);
    }

    public long transitions() {
        return transitions.get();
    }

    /** How long since the last transition arrived (or since the feed started). */
    public Duration sinceLastTransition() {
        return Duration.ofNanos(System.nanoTime() - lastTransitionNanos.get());
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
