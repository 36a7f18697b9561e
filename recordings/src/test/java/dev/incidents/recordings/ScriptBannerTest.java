package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a collecting script writes between its commands' outputs (a check file of the form of ceswara's
 * iqgeo-application-deployment deployment-pvc-check.txt: {@code === PVC Details ===}, then {@code --- pod/x ---} above
 * each pod's Events), and the claim's describe it holds.
 */
class ScriptBannerTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2026-02-13T18:01:08Z"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--- pod/iqgeo-platform-65448dfd68-xv8gs ---|iqgeo-platform-65448dfd68-xv8gs",
        "=== Pod: web-0 ===|web-0",
        "##### pods/triton-7d9f8c6b5-x2kq9 #####|triton-7d9f8c6b5-x2kq9",
    })
    void aBannerNamingAPodSaysWhoseOutputFollows(String line, String pod) {
        assertThat(ScriptBanner.is(line)).isTrue();
        assertThat(ScriptBanner.pod(line)).isEqualTo(pod);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  ----     ------     ----   ----               -------", "---", "pod/web-0",
        "=== PVC Details", "# kubectl get pods"})
    void underlinesAndOtherLinesAreNoBanners(String line) {
        assertThat(ScriptBanner.is(line)).isFalse();
        assertThat(ScriptBanner.pod(line)).isNull();
    }

    /**
     * A claim's describe prints its fields flush left ({@code Capacity:} among them), which is not a pod or node describe
     * that lost its indentation: its {@code Used By:} pods are read, in its namespace, and the pod events below the
     * banner naming one of them are that pod's, not the claim's.
     */
    @Test
    void podEventsBelowABannerAfterAClaimsDescribeAreThatPodsInTheClaimsNamespace() {
        String text = """
                === PVC Details ===
                Name:          iqgeo-platform-shared-data
                Namespace:     iqgeo
                StorageClass:  efs
                Status:        Pending
                Volume:       \s
                Labels:        app.kubernetes.io/managed-by=Helm
                Annotations:   volume.kubernetes.io/storage-provisioner: rancher.io/local-path
                Finalizers:    [kubernetes.io/pvc-protection]
                Capacity:     \s
                Access Modes: \s
                VolumeMode:    Filesystem
                Used By:       iqgeo-platform-65448dfd68-xv8gs
                               iqgeo-platform-6bccdd6fd6-4qgxl
                Events:
                  Type     Reason              Age                  From                         Message
                  ----     ------              ----                 ----                         -------
                  Warning  ProvisioningFailed  7m49s (x6 over 13m)  rancher.io/local-path_lp-1   failed to provision volume with StorageClass "efs": Only support ReadWriteOnce access mode

                === PV Status ===
                No resources found

                === Pod Events (Volume Binding) ===
                --- pod/iqgeo-platform-65448dfd68-xv8gs ---
                Events:
                  Type     Reason            Age    From               Message
                  ----     ------            ----   ----               -------
                  Warning  FailedScheduling  3m22s  default-scheduler  running PreBind plugin "VolumeBinding": binding volumes: timed out waiting for the condition

                --- pod/iqgeo-platform-6bccdd6fd6-4qgxl ---
                Events:                      <none>
                """;
        List<Rejection> rejections = new ArrayList<>();
        List<KubeEvent> events = Recordings.read("check.txt", text, OPTIONS, rejections::add).stream()
                .map(Recorded::value).filter(KubeEvent.class::isInstance).map(KubeEvent.class::cast).toList();

        assertThat(rejections).isEmpty();
        assertThat(events).extracting(e -> e.getReason() + " " + e.getInvolvedObject().getKind() + " "
                        + e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName())
                .containsExactlyInAnyOrder(
                        "ProvisioningFailed PersistentVolumeClaim iqgeo/iqgeo-platform-shared-data",
                        "FailedScheduling Pod iqgeo/iqgeo-platform-65448dfd68-xv8gs");
    }
}
