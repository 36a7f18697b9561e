package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A Kubernetes object as found in a recorded log, before mapping: every format (describe text included, rebuilt
 * into API shape) comes down to these, so one mapping ({@link KubeObjects}) serves them all.
 *
 * @param watchType ADDED, MODIFIED, DELETED, or null when the log does not say
 * @param lineTime  the time the log line gives ({@code time} of our recordings, {@code now} for describe text), or null
 */
record RawObject(JsonNode object, String watchType, Instant lineTime, String cluster, String file, long line) {
}
