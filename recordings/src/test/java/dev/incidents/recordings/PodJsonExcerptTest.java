package dev.incidents.recordings;

import dev.incidents.schemas.Container;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pod's JSON cut to a part of its status below the command that printed it. */
class PodJsonExcerptTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    /**
     * tunatore's CKAD lab notes: {@code kubectl get pod bowline -n gem -o json > file}, then the file's view from the
     * middle of the pod's conditions down: the container statuses are bowline's.
     */
    @Test
    void aPodsJsonViewedFromTheMiddleOfItsStatus() {
        List<PodSnapshot> pods = Fixtures.pastedPods("""
                root@ip-10-0-1-101:~# kubectl get pod bowline -n gem -o json > /usr/ckad/broken-object.json

                root@ip-10-0-1-101:~# vi /usr/ckad/broken-object.json

                                "lastTransitionTime": "2020-06-28T08:03:30Z",
                                "type": "ContainersReady"
                            }
                        ],
                        "containerStatuses": [
                            {
                                "image": "ninx:1.15.9",
                                "imageID": "",
                                "lastState": {},
                                "name": "nginx",
                                "ready": false,
                                "restartCount": 0,
                                "state": {
                                    "waiting": {
                                        "message": "Back-off pulling image \\"ninx:1.15.9\\"",
                                        "reason": "ImagePullBackOff"
                                    }
                                }
                            }
                        ],
                        "hostIP": "10.0.1.102",
                        "phase": "Pending"
                    }
                """, NOW);
        assertThat(pods).singleElement().satisfies(pod -> {
            assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("gem/bowline");
            Container c = pod.getContainers().get(0);
            assertThat(c.getName()).isEqualTo("nginx");
            assertThat(c.getImage()).isEqualTo("ninx:1.15.9");
            assertThat(c.getState().getReason()).isEqualTo("ImagePullBackOff");
            assertThat(c.getState().getMessage()).isEqualTo("Back-off pulling image \"ninx:1.15.9\"");
        });
    }

    /** A statuses' array the cut ends inside is not read (its end is not known). */
    @Test
    void anArrayCutBeforeItsEndIsNotRead() {
        assertThat(Fixtures.pastedPods("""
                $ kubectl get pod web-0 -o json
                        "containerStatuses": [
                            {
                                "name": "web",
                                "restartCount": 3,
                """, NOW)).isEmpty();
    }
}
