package dev.incidents.analyzer.correlate;

import dev.incidents.schemas.Incident;

/** The current state of each incident by id (the {@code incidents} store), as the lifecycle reads and writes it. */
public interface IncidentStore {
    Incident get(String id);

    void put(String id, Incident incident);
}
