package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Node events behind NODE_DISK_PRESSURE and OOM_KILLED. */
class NodeMessagesTest {

    @Test
    void imageGcFoundNothingEligible() {
        ImageGarbageCollectionFailure f = ImageGarbageCollectionFailure.parse("Failed to garbage collect required "
                + "amount of images. Attempted to free 4294967296 bytes, but only found 0 bytes eligible to free.")
                .orElseThrow();

        assertThat(f.wantedBytes()).hasValue(4294967296L);
        assertThat(f.freedBytes()).hasValue(0L);
        assertThat(f.nothingEligible()).isTrue();
    }

    @Test
    void imageGcOlderWordings() {
        assertThat(ImageGarbageCollectionFailure.parse("failed to garbage collect required amount of images. Attempted "
                + "to free 1073741824 bytes, but only found 52428800 bytes eligible to free").orElseThrow()
                .nothingEligible()).isFalse();
        assertThat(ImageGarbageCollectionFailure.parse("wanted to free 10737418240 bytes, but freed 0 bytes space with "
                + "errors in image deletion: rpc error: code = Unknown desc = Error response from daemon: conflict")
                .orElseThrow().wantedBytes()).hasValue(10737418240L);
        assertThat(ImageGarbageCollectionFailure.parse("Starting kubelet.")).isEmpty();
    }

    /** kubernetes#3431: the kubelet cannot create a pod's directory; an image pull and inotify are other things. */
    @Test
    void theKubeletCannotWriteOnTheNodesDisk() {
        NodeDiskFull mkdir = NodeDiskFull.parse("Error syncing pod, skipping: mkdir /var/lib/kubelet/pods/"
                + "bb1ee0e8-b2e5-11e4-bfb6-42010af0101c: no space left on device").orElseThrow();
        assertThat(mkdir.path()).isEqualTo("/var/lib/kubelet/pods/bb1ee0e8-b2e5-11e4-bfb6-42010af0101c");
        assertThat(NodeDiskFull.parse("failed to create containerd task: write /var/lib/containerd/io.containerd"
                + ".runtime.v2.task/k8s.io/abc/config.json: no space left on device")).isPresent();

        assertThat(NodeDiskFull.parse("Failed to pull image \"triton:24.01\": failed to extract layer to overlayfs as "
                + "\"x\": write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/360/fs/a: no space "
                + "left on device")).as("an image pull: IMAGE_PULL_DISK_FULL's").isEmpty();
        assertThat(NodeDiskFull.parse("Error: failed to create fsnotify watcher: no space left on device"))
                .as("inotify watches, not a disk").isEmpty();
        assertThat(NodeDiskFull.parse("write /data/out.bin: no space left on device")).as("the app's own volume")
                .isEmpty();
    }

    @Test
    void oomKills() {
        OomKillMessage system = OomKillMessage.parse("System OOM encountered, victim process: tritonserver, pid: 4242")
                .orElseThrow();
        OomKillMessage cgroup = OomKillMessage.parse("Memory cgroup out of memory: Killed process 4242 (tritonserver) "
                + "total-vm:30716436kB, anon-rss:16393312kB, file-rss:59380kB, shmem-rss:0kB, UID:1000 pgtables:33232kB "
                + "oom_score_adj:999").orElseThrow();
        OomKillMessage old = OomKillMessage.parse("Out of memory: Kill process 1234 (python) score 1000 or sacrifice "
                + "child").orElseThrow();

        assertThat(system.process()).contains("tritonserver");
        assertThat(system.pid()).contains("4242");
        assertThat(system.cgroup()).isFalse();
        assertThat(cgroup.process()).contains("tritonserver");
        assertThat(cgroup.cgroup()).isTrue();
        assertThat(old.process()).contains("python");
        assertThat(OomKillMessage.parse("Node ip-10-0-1-149 status is now: NodeNotReady")).isEmpty();
    }
}
