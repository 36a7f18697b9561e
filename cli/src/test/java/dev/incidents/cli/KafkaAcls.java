package dev.incidents.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The minimal ACLs of each part, as the README's Security section lists them, for topics someone else created (a
 * platform team, or {@code analyze} run once by an admin). {@link SecuredPipelineIT} runs every part with exactly
 * these, so a client that needs one more permission fails the test.
 */
final class KafkaAcls {
    static final List<String> INPUT = List.of("k8s.events", "k8s.pods", "k8s.nodes", "k8s.podgroups");
    static final List<String> OUTPUT = List.of("k8s.incidents", "k8s.incidents.json", "k8s.incidents.dlq");
    /** The analyzer's own compacted views, written and read back as global stores. */
    static final List<String> VIEWS = List.of("k8s.nodes.view", "k8s.pods.gpu-placements");

    private KafkaAcls() {
    }

    /** {@code ship}: write the input topics (WRITE implies DESCRIBE; idempotence needs nothing more since KIP-679). */
    static List<AclBinding> shipper(String user) {
        List<AclBinding> acls = new ArrayList<>();
        INPUT.forEach(topic -> acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
        return acls;
    }

    /**
     * {@code analyze --application-id app}: read the inputs (READ implies the DESCRIBE its input-lag reader needs for end
     * offsets), write the outputs and read the JSON one back (the live page), read and write its views (nodes, GPU placements), everything on its internal topics ({@code app-*}:
     * created, read, written, purged), its consumer group ({@code app}: READ implies the DESCRIBE of the input-lag
     * reader's committed offsets), and its transactional ids ({@code app-<process>-<thread>}, exactly-once v2).
     */
    static List<AclBinding> analyzer(String user, String applicationId) {
        List<AclBinding> acls = analyzerWithoutTransactions(user, applicationId);
        acls.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, AclOperation.WRITE));
        return acls;
    }

    /** All of {@link #analyzer} but the transactional ids: what a forgotten ACL looks like. */
    static List<AclBinding> analyzerWithoutTransactions(String user, String applicationId) {
        List<AclBinding> acls = new ArrayList<>();
        INPUT.forEach(topic -> acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
        OUTPUT.forEach(topic -> acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
        // The live page (/, /events) follows the whole JSON topic: every instance's incidents, not this one's store.
        acls.add(allow(user, ResourceType.TOPIC, "k8s.incidents.json", PatternType.LITERAL, AclOperation.READ));
        for (String view : VIEWS) {
            acls.add(allow(user, ResourceType.TOPIC, view, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(user, ResourceType.TOPIC, view, PatternType.LITERAL, AclOperation.WRITE));
        }
        acls.add(allow(user, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(user, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ));
        return acls;
    }

    /** {@code tail} (and chat bots reading the JSON topic without a group): read {@code k8s.incidents.json}. */
    static List<AclBinding> reader(String user) {
        return List.of(allow(user, ResourceType.TOPIC, "k8s.incidents.json", PatternType.LITERAL, AclOperation.READ));
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
