package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events on a PersistentVolumeClaim that say why it stays Pending (the other half of PVC_UNBOUND, next to the
 * scheduler's {@code pod has unbound immediate PersistentVolumeClaims}): {@code FailedBinding}
 * ({@code no persistent volumes available for this claim and no storage class is set}), {@code ProvisioningFailed}
 * ({@code storageclass.storage.k8s.io "fast" not found}, {@code failed to provision volume with StorageClass "gp3":
 * ...}) and {@code ExternalProvisioning} ({@code waiting for a volume to be created, either by external provisioner
 * "ebs.csi.aws.com" or manually created by system administrator}), which, when it repeats, means the CSI provisioner
 * is not running. And {@code VolumeMismatch} ({@code Cannot bind to requested volume "x": storageClassName does not
 * match}), for a claim that names its volume ({@code spec.volumeName}) when that volume does not fit it: class, size,
 * access or volume mode, or it is bound to another claim. The controller retries and says the same until one side
 * changes.
 *
 * @param kind         what the claim is waiting for
 * @param storageClass the StorageClass named, when named
 * @param provisioner  the external provisioner named, when named
 * @param raw          the message verbatim
 */
public record VolumeClaimMessage(Kind kind, Optional<String> storageClass, Optional<String> provisioner, String raw) {

    public enum Kind {
        NO_STORAGE_CLASS,
        STORAGE_CLASS_MISSING,
        PROVISIONING_FAILED,
        WAITING_FOR_PROVISIONER,
        VOLUME_MISMATCH,
        /** Normal for {@code volumeBindingMode: WaitForFirstConsumer}: not a failure on its own. */
        WAITING_FOR_FIRST_CONSUMER
    }

    private static final Pattern CLASS_MISSING = Pattern.compile("storageclass(?:\\.storage\\.k8s\\.io)? \"([^\"]+)\" not found");
    /** The CSI provisioner's {@code failed to provision volume ...} and the in-tree one's {@code Failed to provision ...}. */
    private static final Pattern PROVISION = Pattern.compile("[Ff]ailed to provision volume with StorageClass \"([^\"]+)\"");
    /**
     * {@code waiting for a volume to be created, either by external provisioner "x" or manually created by system
     * administrator}, and since 1.24 {@code Waiting for a volume to be created either by the external provisioner 'x' or
     * manually by the system administrator. ...}.
     */
    private static final Pattern WAITING_FOR_VOLUME = Pattern.compile("[Ww]aiting for a volume to be created");
    private static final Pattern PROVISIONER = Pattern.compile("external provisioner [\"']([^\"']+)[\"']");
    /**
     * The claim names its volume ({@code spec.volumeName}) and that one does not fit it: {@code Cannot bind to requested
     * volume "x": requested PV is too small}, or is another claim's: {@code volume "x" already bound to a different claim}.
     */
    private static final Pattern REQUESTED_VOLUME = Pattern.compile(
            "Cannot bind to requested volume \"[^\"]+\": |volume \"[^\"]+\" already bound to a different claim");

    /** Never throws; empty when the message is not about a claim waiting for a volume. */
    public static Optional<VolumeClaimMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher missing = CLASS_MISSING.matcher(message);
        if (missing.find()) {
            return Optional.of(new VolumeClaimMessage(Kind.STORAGE_CLASS_MISSING, Optional.of(missing.group(1)),
                    Optional.empty(), message));
        }
        Matcher provision = PROVISION.matcher(message);
        if (provision.find()) {
            return Optional.of(new VolumeClaimMessage(Kind.PROVISIONING_FAILED, Optional.of(provision.group(1)),
                    Optional.empty(), message));
        }
        if (REQUESTED_VOLUME.matcher(message).find()) {
            return Optional.of(new VolumeClaimMessage(Kind.VOLUME_MISMATCH, Optional.empty(), Optional.empty(),
                    message));
        }
        if (message.contains("no storage class is set")) {
            return Optional.of(new VolumeClaimMessage(Kind.NO_STORAGE_CLASS, Optional.empty(), Optional.empty(),
                    message));
        }
        Matcher provisioner = PROVISIONER.matcher(message);
        if (WAITING_FOR_VOLUME.matcher(message).find()) {
            return Optional.of(new VolumeClaimMessage(Kind.WAITING_FOR_PROVISIONER, Optional.empty(),
                    provisioner.find() ? Optional.of(provisioner.group(1)) : Optional.empty(), message));
        }
        if (message.contains("waiting for first consumer")) {
            return Optional.of(new VolumeClaimMessage(Kind.WAITING_FOR_FIRST_CONSUMER, Optional.empty(),
                    Optional.empty(), message));
        }
        return Optional.empty();
    }

    /** The clue of what the claim waits for; the PVC name is the event's object, not in the message. */
    public Facts facts() {
        return switch (kind) {
            case NO_STORAGE_CLASS -> Facts.empty().withClue(Clue.NO_STORAGE_CLASS);
            case STORAGE_CLASS_MISSING -> Facts.empty().withClue(Clue.STORAGE_CLASS_MISSING);
            case PROVISIONING_FAILED -> Facts.empty().withClue(Clue.PROVISIONING_FAILED);
            case WAITING_FOR_PROVISIONER -> Facts.empty().withClue(Clue.PROVISIONER_NOT_RESPONDING);
            case VOLUME_MISMATCH -> Facts.empty().withClue(Clue.VOLUME_MISMATCH);
            case WAITING_FOR_FIRST_CONSUMER -> Facts.empty();
        };
    }
}
