package dev.incidents.shipper;

import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;

/**
 * One record for Kafka: {@code value == null} is a tombstone. {@code kind} tags metrics ({@code event},
 * {@code pod}, {@code node}); {@code eventTime} travels in the {@link dev.incidents.schemas.EventTimeHeader}, not as
 * the record timestamp; {@code stateKey} names the entry of {@link ShippedState} to forget if Kafka never takes the
 * record, so the next resync ships it again.
 */
public record OutgoingRecord(String kind, String topic, String key, SpecificRecord value, Instant eventTime, String stateKey) {
}
