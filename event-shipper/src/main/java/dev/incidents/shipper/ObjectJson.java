package dev.incidents.shipper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.Base64;
import java.util.Map;

/**
 * A fabric8 object as the API server's JSON, as a Jackson 2 tree. fabric8 8 serializes with Jackson 3
 * ({@code tools.jackson}) and the shared mapping in {@code recordings} reads Jackson 2 trees: the object becomes a
 * Jackson 3 tree through fabric8's own mapper (its serializers, its inclusion rules) and is copied node by node into
 * the tree Jackson 2 would read from that JSON's text (an integral number as the smallest of int, long and big integer
 * it fits, as the parser does), so one mapping serves live objects and recordings alike. The detour through the text
 * (fabric8 writing it, Jackson 2 parsing it) was two thirds of a Pod's mapping; {@code LiveMappingTest} holds both
 * routes equal.
 */
public final class ObjectJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ObjectJson() {
    }

    public static JsonNode of(HasMetadata object) {
        return copy(Serialization.jsonMapper().valueToTree(object));
    }

    /** The same object through its JSON text: the definition {@link #of} keeps to. */
    static JsonNode viaText(HasMetadata object) {
        return parse(Serialization.asJson(object));
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode copy(tools.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, tools.jackson.databind.JsonNode> field : node.properties()) {
                object.set(field.getKey(), copy(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode(node.size());
            for (tools.jackson.databind.JsonNode element : node) {
                array.add(copy(element));
            }
            return array;
        }
        if (node.isString()) {
            return NODES.textNode(node.stringValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? NODES.numberNode(node.intValue())
                    : node.canConvertToLong() ? NODES.numberNode(node.longValue())
                    : NODES.numberNode(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.doubleValue());
        }
        if (node.isBoolean()) {
            return NODES.booleanNode(node.booleanValue());
        }
        if (node.isBinary()) {
            return NODES.textNode(Base64.getEncoder().encodeToString(node.binaryValue())); // as JSON writes bytes
        }
        if (node.isNull() || node.isMissingNode()) {
            return NODES.nullNode();
        }
        return parse(node.toString()); // a POJO left in the tree: through its text, as before
    }
}
