package dev.incidents.shipper.kubeapi;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents a real API server serves and the CRUD mock does not: kubectl resolves
 * {@code pod}, {@code deploy}, {@code events} through them before any request, and the shipper asks
 * {@code /apis} whether {@code events.k8s.io/v1} is served. A CustomResourceDefinition created through the server
 * adds its group's served versions, as a real API server does once the CRD is established.
 */
final class ApiDiscovery {
    private static final List<String> READ_WRITE = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> STATUS = List.of("get", "patch", "update");

    /** group/version -> resources; "v1" is the core group. */
    private final Map<String, List<APIResource>> resources = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    ApiDiscovery(boolean eventsV1Served) {
        resources.put("v1", List.of(
                resource("namespaces", "Namespace", false, "ns"),
                resource("pods", "Pod", true, "po"),
                status("pods/status", "Pod", true),
                resource("events", "Event", true, "ev"),
                resource("nodes", "Node", false, "no"),
                status("nodes/status", "Node", false)));
        resources.put("apps/v1", List.of(
                resource("deployments", "Deployment", true, "deploy"),
                status("deployments/status", "Deployment", true),
                resource("replicasets", "ReplicaSet", true, "rs"),
                status("replicasets/status", "ReplicaSet", true)));
        resources.put("batch/v1", List.of(
                resource("jobs", "Job", true),
                status("jobs/status", "Job", true),
                resource("cronjobs", "CronJob", true, "cj")));
        resources.put("apiextensions.k8s.io/v1", List.of(
                resource("customresourcedefinitions", "CustomResourceDefinition", false, "crd", "crds"),
                status("customresourcedefinitions/status", "CustomResourceDefinition", false)));
        if (eventsV1Served) {
            resources.put("events.k8s.io/v1", List.of(resource("events", "Event", true, "ev")));
        }
    }

    /** Serves a CRD's resource (and its status subresource) under each of its served versions. */
    void serve(CustomResourceDefinition crd) {
        var spec = crd.getSpec();
        var names = spec.getNames();
        boolean namespaced = "Namespaced".equals(spec.getScope());
        String[] shortNames = names.getShortNames() == null ? new String[0] : names.getShortNames().toArray(String[]::new);
        for (var version : spec.getVersions()) {
            if (Boolean.FALSE.equals(version.getServed())) {
                continue;
            }
            resources.put(spec.getGroup() + "/" + version.getName(), List.of(
                    resource(names.getPlural(), names.getKind(), namespaced, shortNames),
                    status(names.getPlural() + "/status", names.getKind(), namespaced)));
        }
    }

    /** The JSON document for a discovery path, or empty when the path is not discovery. */
    Optional<String> answer(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/api")) {
            return Optional.of(Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build()));
        }
        if (p.equals("/apis")) {
            return Optional.of(Serialization.asJson(new APIGroupListBuilder().withGroups(groups()).build()));
        }
        String groupVersion = p.startsWith("/api/") ? p.substring("/api/".length())
                : p.startsWith("/apis/") ? p.substring("/apis/".length()) : null;
        List<APIResource> served = groupVersion == null ? null : resources.get(groupVersion);
        if (served == null) {
            return Optional.empty();
        }
        return Optional.of(Serialization.asJson(new APIResourceListBuilder()
                .withGroupVersion(groupVersion).withResources(served).build()));
    }

    private List<APIGroup> groups() {
        List<APIGroup> groups = new ArrayList<>();
        for (String gv : List.copyOf(resources.keySet())) {
            if (gv.equals("v1")) {
                continue;
            }
            String group = gv.substring(0, gv.indexOf('/'));
            var version = new GroupVersionForDiscoveryBuilder().withGroupVersion(gv).withVersion(gv.substring(gv.indexOf('/') + 1)).build();
            groups.add(new APIGroupBuilder().withName(group).withVersions(version).withPreferredVersion(version).build());
        }
        return groups;
    }

    private static APIResource resource(String name, String kind, boolean namespaced, String... shortNames) {
        return new APIResourceBuilder().withName(name).withSingularName(kind.toLowerCase()).withKind(kind)
                .withNamespaced(namespaced).withVerbs(READ_WRITE).withShortNames(shortNames).build();
    }

    private static APIResource status(String name, String kind, boolean namespaced) {
        return new APIResourceBuilder().withName(name).withSingularName("").withKind(kind)
                .withNamespaced(namespaced).withVerbs(STATUS).build();
    }
}
