package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.analyzer.signal.SignalFrames;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitioner of {@code signals-by-subject}: a subject's signals go where the producer's default partitioner would
 * put its key (murmur2 of the UTF-8 key), and a watermark goes to every partition (KIP-837 multicast), because
 * every correlator task must learn how far each input partition has got.
 */
public final class SubjectPartitioner implements StreamPartitioner<String, SignalFrame> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, SignalFrame value, int numPartitions) {
        if (SignalFrames.WATERMARK_KEY.equals(key)) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.of(Set.of(partition(key, numPartitions)));
    }

    static int partition(String key, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
