package dev.incidents.shipper;

/** The watch event types, as the recording format names them too. */
public enum ChangeType {
    ADDED, MODIFIED, DELETED
}
