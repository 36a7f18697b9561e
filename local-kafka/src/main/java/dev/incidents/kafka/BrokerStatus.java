package dev.incidents.kafka;

/**
 * What {@code status} found.
 *
 * @param running          the broker process of the pid file is alive and answers on the bootstrap address
 * @param pid              its pid, or -1 when there is none
 * @param bootstrapServers where clients connect
 * @param detail           one line for humans
 */
public record BrokerStatus(boolean running, long pid, String bootstrapServers, String detail) {
}
