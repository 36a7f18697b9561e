package dev.incidents.analyzer.live;

import dev.incidents.schemas.Incident;
import java.util.Locale;
import java.util.Map;

/**
 * The filters shared by {@code /incidents} and {@code tail}: cluster, namespace, category, status. An
 * absent filter matches everything; cluster and namespace compare exactly, category and status ignore
 * case because people type them.
 */
public record IncidentFilter(String cluster, String namespace, String category, String status) {
    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null);

    public static IncidentFilter fromQuery(Map<String, String> query) {
        return new IncidentFilter(query.get("cluster"), query.get("namespace"), query.get("category"), query.get("status"));
    }

    public boolean matches(Incident incident) {
        return same(cluster, incident.getCluster(), false)
                && same(namespace, incident.getNamespace(), false)
                && same(category, incident.getCategory(), true)
                && same(status, incident.getStatus().name(), true);
    }

    private static boolean same(String wanted, String actual, boolean ignoreCase) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        return ignoreCase
                ? wanted.toUpperCase(Locale.ROOT).equals(actual.toUpperCase(Locale.ROOT))
                : wanted.equals(actual);
    }
}
