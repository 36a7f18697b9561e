package dev.incidents.kafka;

import java.time.Duration;
import java.util.List;

/**
 * What {@code start} did.
 *
 * @param alreadyRunning true when a broker of this directory was already up and nothing was started
 * @param pid              the broker's pid
 * @param bootstrapServers where clients connect
 * @param took             from the call to the broker answering
 * @param notes            things worth telling the user (a stale pid file removed, storage formatted)
 */
public record StartReport(boolean alreadyRunning, long pid, String bootstrapServers, Duration took, List<String> notes) {
}
