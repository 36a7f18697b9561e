package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kubectl get pvc} tables pasted into tickets (rows from the public threads cited): a Pending claim's row is the
 * volume controller's event for its state where the paste proves it, and nothing where the claim may be waiting.
 */
class ClaimsTableTest {
    private static List<KubeEvent> events(String text) {
        return Fixtures.pastedEvents(text, Instant.parse("2025-01-01T00:00:00Z"));
    }

    /** data-on-eks#748: claims Pending with no class (their cells empty), one Bound beside them, a 1.29+ column after. */
    @Test
    void pendingClaimsWithoutAClassAreTheControllersFailedBinding() {
        List<KubeEvent> events = events("""
                kubectl get pvc -n airflow
                NAME                        STATUS    VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
                airflowdags-pvc             Bound     pvc-125327a0-f980-47b1-811a-0f143f3eee96   10Gi       RWX            efs-sc         <unset>                 4h45m
                data-airflow-postgresql-0   Pending                                                                                       <unset>                 4h45m
                logs-airflow-triggerer-0    Pending                                                                                       <unset>                 4h45m
                """);

        assertThat(events).extracting(e -> e.getInvolvedObject().getName())
                .containsExactly("data-airflow-postgresql-0", "logs-airflow-triggerer-0");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
            assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("airflow");
            assertThat(e.getReason()).isEqualTo("FailedBinding");
            assertThat(e.getMessage()).isEqualTo(DescribeClaim.NO_CLASS);
        });
    }

    /**
     * CrunchyData/postgres-operator#1490: claims Pending on classes the paste's {@code get sc} does not list are the
     * controller's ProvisioningFailed; one on a class it lists may be waiting for its first consumer.
     */
    @Test
    void pendingClaimsOnAClassTheClusterLacksAreProvisioningFailures() {
        List<KubeEvent> events = events("""
                kubectl get sc
                NAME                          PROVISIONER                     RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE
                microk8s-hostpath (default)   microk8s.io/hostpath            Delete          Immediate           false                  6d1h
                px-repl3-sc                   kubernetes.io/portworx-volume   Delete          Immediate           true                   14d

                kubectl get pv,pvc -npgouser1
                NAME                                    STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   AGE
                persistentvolumeclaim/crdcluster        Pending                                      standard       59m
                persistentvolumeclaim/hippo             Pending                                      fast           4m3s
                persistentvolumeclaim/waiting           Pending                                      px-repl3-sc    1m
                """);

        assertThat(events).extracting(e -> e.getInvolvedObject().getName()).containsExactly("crdcluster", "hippo");
        assertThat(events).extracting(KubeEvent::getReason).containsOnly("ProvisioningFailed");
        assertThat(events.get(1).getMessage()).isEqualTo("storageclass.storage.k8s.io \"fast\" not found");
        assertThat(events.get(0).getInvolvedObject().getNamespace()).isEqualTo("pgouser1");
    }

    /** Without a class listing a named class says nothing; a claim the paste also describes is read from its describe. */
    @Test
    void aClaimThatMayBeWaitingOrIsDescribedGivesNoRow() {
        assertThat(events("""
                kubectl get pvc
                NAME       STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   AGE
                data-0     Pending                                      gp3            2m
                """)).isEmpty();

        List<KubeEvent> described = events("""
                kubectl get pvc
                NAME             STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   AGE
                db-noobaa-db-0   Pending                                                     2m42s

                oc describe pvc db-noobaa-db-0
                Name:          db-noobaa-db-0
                Namespace:     noobaa
                StorageClass:  
                Status:        Pending
                Volume:        
                """);
        assertThat(described).extracting(e -> e.getInvolvedObject().getNamespace()).containsOnly("noobaa");
    }
}
