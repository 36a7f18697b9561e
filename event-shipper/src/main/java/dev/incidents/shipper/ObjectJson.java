package dev.incidents.shipper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * A fabric8 object as the API server's JSON, read with Jackson 2. fabric8 8 serializes with Jackson 3
 * ({@code tools.jackson}) and the shared mapping in {@code recordings} reads Jackson 2 trees, so the two meet
 * at the JSON text: one mapping serves live objects and recordings alike.
 */
public final class ObjectJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectJson() {
    }

    public static JsonNode of(HasMetadata object) {
        return parse(Serialization.asJson(object));
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
