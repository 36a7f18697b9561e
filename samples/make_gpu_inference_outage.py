#!/usr/bin/env python3
"""Writes samples/gpu-inference-outage.jsonl, the demo recording (README.md tells the story).

The recording is data; this script only exists so that a change to the story stays consistent
(uids, resourceVersions, event counts, timestamps). Run it from the repository root:
    python3 samples/make_gpu_inference_outage.py
Output is deterministic (no randomness, no wall clock).
"""
import copy
import hashlib
import json
import uuid
from datetime import datetime, timedelta, timezone

CLUSTER = "prod-us-east-1"
T0 = datetime(2025, 3, 14, 10, 0, 0, tzinfo=timezone.utc)
ECR = "478253497479.dkr.ecr.us-east-1.amazonaws.com"
TRITON_IMAGE = f"{ECR}/triton:resnet50"
LLAMA_IMAGE = f"{ECR}/vllm-openai:v0.6.3"
KUBELET_VERSION = "v1.32.1-eks-5d632ec"

records = []   # (time, seq, type, object)
_seq = [0]
_rv = [4518230]


def at(m, s=0, ms=0):
    return T0 + timedelta(minutes=m, seconds=s, milliseconds=ms)


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def micro(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"


def uid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "prod-us-east-1/" + "/".join(parts)))


def rv():
    _rv[0] += 1 + (_rv[0] * 7919) % 13
    return str(_rv[0])


def emit(t, type_, obj):
    _seq[0] += 1
    o = copy.deepcopy(obj)
    if "metadata" in o and type_ != "DELETED":
        o["metadata"]["resourceVersion"] = rv()
    records.append((t, _seq[0], type_, o))


def h(s, n=5):
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    d = hashlib.sha256(s.encode()).digest()
    return "".join(alphabet[b % len(alphabet)] for b in d[:n])


# ---------------------------------------------------------------- Nodes

NODES = {}


def node(name, ip, zone, itype, gpu, root_gib, created, ng, extra_taints=()):
    cpu, mem_ki, alloc_cpu, alloc_mem = {
        "g5.12xlarge": ("48", "195784752Ki", "47810m", "192415280Ki"),
        "m6i.2xlarge": ("8", "32386132Ki", "7910m", "31369300Ki"),
        "m6i.4xlarge": ("16", "64733344Ki", "15890m", "63716512Ki"),
    }[itype]
    pods = {"g5.12xlarge": "234", "m6i.2xlarge": "58", "m6i.4xlarge": "234"}[itype]
    eph_ki = root_gib * 1048576 - 12308
    labels = {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/instance-type": itype,
        "beta.kubernetes.io/os": "linux",
        "eks.amazonaws.com/capacityType": "ON_DEMAND",
        "eks.amazonaws.com/nodegroup": ng,
        "eks.amazonaws.com/nodegroup-image": "ami-0c7d2c1f9b8e6a4d3" if gpu else "ami-0a5e1b7c3d9f2e8b4",
        "failure-domain.beta.kubernetes.io/region": "us-east-1",
        "failure-domain.beta.kubernetes.io/zone": zone,
        "k8s.io/cloud-provider-aws": "6a3e0b4d2c1f9e8d7b5a4c3e2f1d0b9a",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": itype,
        "topology.k8s.aws/zone-id": {"us-east-1a": "use1-az4", "us-east-1b": "use1-az6", "us-east-1c": "use1-az1"}[zone],
        "topology.kubernetes.io/region": "us-east-1",
        "topology.kubernetes.io/zone": zone,
    }
    taints = []
    if gpu:
        labels.update({
            "accelerator": "nvidia",
            "nvidia.com/gpu.present": "true",
            "nvidia.com/gpu.product": "NVIDIA-A10G",
            "nvidia.com/gpu.count": str(gpu),
            "nvidia.com/gpu.memory": "23028",
            "nvidia.com/cuda.driver.major": "550",
        })
        taints.append({"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"})
    taints.extend(extra_taints)
    cap = {"cpu": cpu, "ephemeral-storage": f"{eph_ki}Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0",
           "memory": mem_ki, "pods": pods}
    alloc = {"cpu": alloc_cpu, "ephemeral-storage": str(int(eph_ki * 1024 * 0.9) - 1 * 1024 ** 3),
             "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": alloc_mem, "pods": pods}
    if gpu:
        cap["nvidia.com/gpu"] = str(gpu)
        alloc["nvidia.com/gpu"] = str(gpu)
    instance = "i-0" + hashlib.sha1(name.encode()).hexdigest()[:16]
    n = {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {
            "name": name, "uid": uid("node", name), "creationTimestamp": ts(created), "labels": labels,
            "annotations": {"alpha.kubernetes.io/provided-node-ip": ip,
                            "node.alpha.kubernetes.io/ttl": "0",
                            "volumes.kubernetes.io/controller-managed-attach-detach": "true"},
        },
        "spec": {"providerID": f"aws:///{zone}/{instance}", "taints": taints},
        "status": {
            "capacity": cap, "allocatable": alloc,
            "conditions": node_conditions(created, created, False, True),
            "addresses": [{"type": "InternalIP", "address": ip},
                          {"type": "InternalDNS", "address": name},
                          {"type": "Hostname", "address": name}],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {"machineID": hashlib.md5(name.encode()).hexdigest(),
                         "systemUUID": "ec2" + hashlib.md5(name.encode()).hexdigest()[3:8] + "-0000-0000-0000-000000000000",
                         "bootID": uid("boot", name), "kernelVersion": "5.10.234-225.895.amzn2.x86_64",
                         "osImage": "Amazon Linux 2", "containerRuntimeVersion": "containerd://1.7.25",
                         "kubeletVersion": KUBELET_VERSION, "kubeProxyVersion": KUBELET_VERSION,
                         "operatingSystem": "linux", "architecture": "amd64"},
        },
    }
    if not taints:
        del n["spec"]["taints"]
    NODES[name] = n
    return n


def node_conditions(hb, since, disk_pressure, ready, disk_since=None):
    return [
        {"type": "MemoryPressure", "status": "False", "lastHeartbeatTime": ts(hb), "lastTransitionTime": ts(since),
         "reason": "KubeletHasSufficientMemory", "message": "kubelet has sufficient memory available"},
        {"type": "DiskPressure", "status": "True" if disk_pressure else "False", "lastHeartbeatTime": ts(hb),
         "lastTransitionTime": ts(disk_since or since),
         "reason": "KubeletHasDiskPressure" if disk_pressure else "KubeletHasNoDiskPressure",
         "message": "kubelet has disk pressure" if disk_pressure else "kubelet has no disk pressure"},
        {"type": "PIDPressure", "status": "False", "lastHeartbeatTime": ts(hb), "lastTransitionTime": ts(since),
         "reason": "KubeletHasSufficientPID", "message": "kubelet has sufficient PID available"},
        {"type": "Ready", "status": "True" if ready else "False", "lastHeartbeatTime": ts(hb),
         "lastTransitionTime": ts(since if ready else since),
         "reason": "KubeletReady" if ready else "KubeletNotReady",
         "message": "kubelet is posting ready status" if ready else
         "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"},
    ]


GPU_NG = "gpu-a10g-20250211"
CPU_NG = "cpu-general-20250211"
DISK_NODE = "ip-10-0-1-149.ec2.internal"
node("ip-10-0-1-23.ec2.internal", "10.0.1.23", "us-east-1a", "m6i.2xlarge", 0, 80, at(-4 * 1440), CPU_NG)
node("ip-10-0-2-141.ec2.internal", "10.0.2.141", "us-east-1b", "m6i.2xlarge", 0, 80, at(-4 * 1440, 40), CPU_NG)
node("ip-10-0-3-77.ec2.internal", "10.0.3.77", "us-east-1c", "m6i.2xlarge", 0, 80, at(-2 * 1440), CPU_NG)
node(DISK_NODE, "10.0.1.149", "us-east-1a", "g5.12xlarge", 4, 20, at(-3 * 1440), GPU_NG)
node("ip-10-0-2-87.ec2.internal", "10.0.2.87", "us-east-1b", "g5.12xlarge", 4, 100, at(-3 * 1440, 95), GPU_NG)
node("ip-10-0-3-12.ec2.internal", "10.0.3.12", "us-east-1c", "g5.12xlarge", 4, 100, at(-1 * 1440), GPU_NG)
for n in list(NODES.values()):
    emit(at(0), "ADDED", n)


def node_heartbeat(name, t, disk=False, disk_since=None, ready=True, since=None):
    n = NODES[name]
    n["status"]["conditions"] = node_conditions(t, since or at(-3 * 1440), disk, ready, disk_since)
    emit(t, "MODIFIED", n)


# ---------------------------------------------------------------- Events (core/v1 and events.k8s.io/v1)

EVENTS = {}


def involved(kind, ns, name, field_path=None):
    api = {"Pod": "v1", "Node": "v1", "ReplicaSet": "apps/v1", "Deployment": "apps/v1",
           "Job": "batch/v1", "CronJob": "batch/v1", "ConfigMap": "v1"}[kind]
    ref = {"kind": kind, "namespace": ns, "name": name, "uid": OBJ_UIDS.get((kind, ns, name), uid(kind, ns or "", name)),
           "apiVersion": api}
    if kind == "Node":
        ref["uid"] = name  # the kubelet's node reference uses the node name as uid
        ref.pop("namespace")
    if field_path:
        ref["fieldPath"] = field_path
    return ref


OBJ_UIDS = {}


def event(t, kind, ns, name, type_, reason, message, component, host=None, field_path=None, key=None):
    """A core/v1 Event as the legacy recorder writes it; same key again = count bump (MODIFIED)."""
    key = key or (kind, ns, name, reason, message, field_path)
    ev_ns = ns or "default"
    e = EVENTS.get(key)
    if e is None:
        nano = int(t.timestamp() * 1e9) + len(EVENTS) * 7717
        e = {
            "apiVersion": "v1", "kind": "Event",
            "metadata": {"name": f"{name}.{nano:x}", "namespace": ev_ns, "uid": uid("event", str(len(EVENTS)), name),
                         "creationTimestamp": ts(t)},
            "involvedObject": involved(kind, ns, name, field_path),
            "reason": reason, "message": message,
            "source": {"component": component, **({"host": host} if host else {})},
            "firstTimestamp": ts(t), "lastTimestamp": ts(t), "count": 1, "type": type_,
            "eventTime": None, "reportingComponent": component, "reportingInstance": host or "",
        }
        EVENTS[key] = e
        emit(t, "ADDED", e)
    else:
        e["count"] += 1
        e["lastTimestamp"] = ts(t)
        emit(t, "MODIFIED", e)
    return e


def event_v1_series(t, kind, ns, name, type_, reason, action, note, controller, instance, key=None):
    """An events.k8s.io/v1 Event (scheduler, new events API): repeats go to series."""
    key = key or ("v1series", kind, ns, name, reason, note)
    e = EVENTS.get(key)
    if e is None:
        nano = int(t.timestamp() * 1e9) + len(EVENTS) * 7717
        e = {
            "apiVersion": "events.k8s.io/v1", "kind": "Event",
            "metadata": {"name": f"{name}.{nano:x}", "namespace": ns, "uid": uid("event", str(len(EVENTS)), name),
                         "creationTimestamp": ts(t)},
            "eventTime": micro(t),
            "reportingController": controller, "reportingInstance": instance,
            "action": action, "reason": reason,
            "regarding": involved(kind, ns, name),
            "note": note, "type": type_,
            "deprecatedSource": {}, "deprecatedFirstTimestamp": None, "deprecatedLastTimestamp": None,
        }
        EVENTS[key] = e
        emit(t, "ADDED", e)
    else:
        s = e.setdefault("series", {"count": 1, "lastObservedTime": e["eventTime"]})
        s["count"] += 1
        s["lastObservedTime"] = micro(t)
        emit(t, "MODIFIED", e)
    return e


def scheduler_core(t, ns, pod, type_, reason, message, action):
    """A scheduler event read through core/v1: eventTime set, first/lastTimestamp null, series on repeat."""
    key = ("sched", ns, pod, reason, message)
    e = EVENTS.get(key)
    if e is None:
        nano = int(t.timestamp() * 1e9) + len(EVENTS) * 7717
        e = {
            "apiVersion": "v1", "kind": "Event",
            "metadata": {"name": f"{pod}.{nano:x}", "namespace": ns, "uid": uid("event", str(len(EVENTS)), pod),
                         "creationTimestamp": ts(t)},
            "involvedObject": involved("Pod", ns, pod),
            "reason": reason, "message": message, "source": {},
            "firstTimestamp": None, "lastTimestamp": None, "type": type_,
            "eventTime": micro(t), "action": action,
            "reportingComponent": "default-scheduler",
            "reportingInstance": "default-scheduler-ip-172-16-77-14.ec2.internal",
        }
        EVENTS[key] = e
        emit(t, "ADDED", e)
    else:
        s = e.setdefault("series", {"count": 1, "lastObservedTime": e["eventTime"]})
        s["count"] += 1
        s["lastObservedTime"] = micro(t)
        emit(t, "MODIFIED", e)


def scheduled(t, ns, pod, node_name):
    scheduler_core(t, ns, pod, "Normal", "Scheduled", f"Successfully assigned {ns}/{pod} to {node_name}", "Binding")


def kubelet(t, ns, pod, type_, reason, message, node_name, container=None, init=False):
    fp = None
    if container:
        fp = f"spec.{'initContainers' if init else 'containers'}{{{container}}}"
    return event(t, "Pod", ns, pod, type_, reason, message, "kubelet", node_name, fp)


def pulled_msg(image, secs, size):
    s = f"{secs:.3f}".rstrip("0").rstrip(".") + "s" if secs < 60 else f"{int(secs // 60)}m{secs % 60:.3f}".rstrip("0").rstrip(".") + "s"
    return f'Successfully pulled image "{image}" in {s} ({s} including waiting). Image size: {size} bytes.'


# ---------------------------------------------------------------- Workload objects

def deployment_obj(ns, name, replicas, labels, created, conditions, status_extra):
    d = {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "namespace": ns, "uid": uid("Deployment", ns, name), "generation": 1,
                     "creationTimestamp": ts(created), "labels": labels,
                     "annotations": {"deployment.kubernetes.io/revision": "1"}},
        "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                 "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}},
                 "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600},
        "status": {"observedGeneration": 1, **status_extra, "conditions": conditions},
    }
    OBJ_UIDS[("Deployment", ns, name)] = d["metadata"]["uid"]
    return d


def replicaset_obj(ns, deploy, rs, replicas, ready, created, pod_template_hash, template, conditions=None, revision="1"):
    r = {
        "apiVersion": "apps/v1", "kind": "ReplicaSet",
        "metadata": {"name": rs, "namespace": ns, "uid": uid("ReplicaSet", ns, rs), "generation": 1,
                     "creationTimestamp": ts(created),
                     "labels": {"app": deploy, "pod-template-hash": pod_template_hash},
                     "annotations": {"deployment.kubernetes.io/desired-replicas": str(replicas),
                                     "deployment.kubernetes.io/max-replicas": str(replicas + max(1, (replicas + 3) // 4)),
                                     "deployment.kubernetes.io/revision": revision},
                     "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": deploy,
                                          "uid": uid("Deployment", ns, deploy), "controller": True,
                                          "blockOwnerDeletion": True}]},
        "spec": {"replicas": replicas,
                 "selector": {"matchLabels": {"app": deploy, "pod-template-hash": pod_template_hash}},
                 "template": template},
        "status": {"replicas": 0 if conditions else replicas, "fullyLabeledReplicas": 0 if conditions else replicas,
                   "readyReplicas": ready, "availableReplicas": ready, "observedGeneration": 1},
    }
    if ready == 0:
        del r["status"]["readyReplicas"]
        del r["status"]["availableReplicas"]
    if conditions:
        r["status"]["conditions"] = conditions
        del r["status"]["fullyLabeledReplicas"]
    OBJ_UIDS[("ReplicaSet", ns, rs)] = r["metadata"]["uid"]
    return r


def job_obj(ns, name, created, completions=1, parallelism=1, owner_cronjob=None, active=1, succeeded=0,
            completion_time=None, labels=None):
    j = {
        "apiVersion": "batch/v1", "kind": "Job",
        "metadata": {"name": name, "namespace": ns, "uid": uid("Job", ns, name), "generation": 1,
                     "creationTimestamp": ts(created),
                     "labels": {"batch.kubernetes.io/controller-uid": uid("Job", ns, name),
                                "batch.kubernetes.io/job-name": name, "controller-uid": uid("Job", ns, name),
                                "job-name": name, **(labels or {})}},
        "spec": {"parallelism": parallelism, "completions": completions, "backoffLimit": 6,
                 "completionMode": "NonIndexed", "suspend": False, "podReplacementPolicy": "TerminatingOrFailed",
                 "manualSelector": False,
                 "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": uid("Job", ns, name)}}},
        "status": {"startTime": ts(created), "active": active, "ready": active, "terminating": 0,
                   "uncountedTerminatedPods": {}},
    }
    if owner_cronjob:
        j["metadata"]["ownerReferences"] = [{"apiVersion": "batch/v1", "kind": "CronJob", "name": owner_cronjob,
                                             "uid": uid("CronJob", ns, owner_cronjob), "controller": True,
                                             "blockOwnerDeletion": True}]
        j["metadata"]["annotations"] = {"batch.kubernetes.io/cronjob-scheduled-timestamp": ts(created)}
    if succeeded:
        j["status"].update({"succeeded": succeeded, "active": 0, "ready": 0, "completionTime": ts(completion_time),
                            "conditions": [
                                {"type": "SuccessCriteriaMet", "status": "True", "lastProbeTime": ts(completion_time),
                                 "lastTransitionTime": ts(completion_time)},
                                {"type": "Complete", "status": "True", "lastProbeTime": ts(completion_time),
                                 "lastTransitionTime": ts(completion_time)}]})
        del j["status"]["active"]
    OBJ_UIDS[("Job", ns, name)] = j["metadata"]["uid"]
    return j


# ---------------------------------------------------------------- Pods

def api_access_volume(pod):
    return {"name": "kube-api-access-" + h(pod + "vol"), "projected": {"defaultMode": 420, "sources": [
        {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
        {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
        {"downwardAPI": {"items": [{"path": "namespace", "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}}]}}


DEFAULT_TOLERATIONS = [
    {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
    {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
]
GPU_TOLERATION = {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}


class Pod:
    def __init__(self, ns, name, owner_kind, owner_name, created, containers, init_containers=(), gpu=False,
                 labels=None, sa="default", restart="Always", node_selector=None, ip=None, qos="Burstable",
                 volumes=()):
        self.ns, self.name, self.created, self.ip = ns, name, created, ip
        self.uid = uid("Pod", ns, name)
        OBJ_UIDS[("Pod", ns, name)] = self.uid
        vol = api_access_volume(name)
        for c in list(containers) + list(init_containers):
            c.setdefault("terminationMessagePath", "/dev/termination-log")
            c.setdefault("terminationMessagePolicy", "File")
            c.setdefault("imagePullPolicy", "IfNotPresent")
            c.setdefault("volumeMounts", [])
            c["volumeMounts"].append({"name": vol["name"], "readOnly": True,
                                      "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"})
        owner_api = {"ReplicaSet": "apps/v1", "Job": "batch/v1", "DaemonSet": "apps/v1"}[owner_kind]
        self.obj = {
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": ns, "uid": self.uid, "creationTimestamp": ts(created),
                         "generateName": name[: name.rfind("-") + 1], "labels": labels or {},
                         "ownerReferences": [{"apiVersion": owner_api, "kind": owner_kind, "name": owner_name,
                                              "uid": uid(owner_kind, ns, owner_name), "controller": True,
                                              "blockOwnerDeletion": True}]},
            "spec": {
                "volumes": list(volumes) + [vol],
                **({"initContainers": list(init_containers)} if init_containers else {}),
                "containers": list(containers),
                "restartPolicy": restart, "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
                **({"nodeSelector": node_selector} if node_selector else {}),
                "serviceAccountName": sa, "serviceAccount": sa, "securityContext": {},
                "schedulerName": "default-scheduler",
                "tolerations": ([GPU_TOLERATION] if gpu else []) + DEFAULT_TOLERATIONS,
                "priority": 0, "enableServiceLinks": True, "preemptionPolicy": "PreemptLowerPriority",
            },
            "status": {"phase": "Pending", "qosClass": qos},
        }
        self.node = None
        self.cstate = {c["name"]: None for c in containers}
        self.istate = {c["name"]: None for c in init_containers}
        self.images = {c["name"]: c["image"] for c in list(containers) + list(init_containers)}
        self.conds = {}
        self.phase = "Pending"

    # conditions
    def cond(self, type_, status, t, reason=None, message=None):
        c = {"type": type_, "status": status, "lastProbeTime": None, "lastTransitionTime": ts(t)}
        old = self.conds.get(type_)
        if old and old["status"] == status and old.get("reason") == reason:
            return
        if reason:
            c["reason"] = reason
        if message:
            c["message"] = message
        self.conds[type_] = c

    def bind(self, t, node_name):
        self.node = node_name
        self.start = t
        self.obj["spec"]["nodeName"] = node_name
        self.cond("PodScheduled", "True", t)

    def status(self):
        s = {"phase": self.phase}
        order = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]
        conds = [self.conds[k] for k in order if k in self.conds]
        if conds:
            s["conditions"] = conds
        if self.node:
            host_ip = NODES[self.node]["status"]["addresses"][0]["address"]
            s["hostIP"] = host_ip
            s["hostIPs"] = [{"ip": host_ip}]
            if self.ip and "PodReadyToStartContainers" in self.conds:
                s["podIP"] = self.ip
                s["podIPs"] = [{"ip": self.ip}]
            s["startTime"] = ts(self.start)
        if self.istate:
            s["initContainerStatuses"] = [self._cs(n, st, init=True) for n, st in self.istate.items()]
        if self.node:
            s["containerStatuses"] = [self._cs(n, st) for n, st in self.cstate.items()]
        s["qosClass"] = self.obj["status"]["qosClass"]
        return s

    def _cs(self, name, st, init=False):
        st = st or {"state": {"waiting": {"reason": "PodInitializing"}}}
        if "state" not in st:
            st = {"state": st}
        c = {"name": name, "state": st["state"], "lastState": st.get("last", {}),
             "ready": st.get("ready", False), "restartCount": st.get("restarts", 0),
             "image": self.images[name], "imageID": st.get("imageID", ""),
             **({"containerID": st["cid"]} if st.get("cid") else {}),
             "started": st.get("started", False)}
        if init:
            # a completed init container is ready; it is no longer "started"
            c["ready"] = "terminated" in st["state"] and st["state"]["terminated"].get("exitCode") == 0
            c["started"] = "running" in st["state"]
        if st.get("cid"):
            c["volumeMounts"] = [{"name": self.obj["spec"]["volumes"][-1]["name"],
                                  "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                                  "readOnly": True, "recursiveReadOnly": "Disabled"}]
        return c

    def snap(self, t, type_="MODIFIED"):
        o = self.obj
        o["status"] = self.status()
        emit(t, type_, o)

    def delete(self, t):
        o = self.obj
        o["metadata"]["deletionTimestamp"] = ts(t + timedelta(seconds=30))
        o["metadata"]["deletionGracePeriodSeconds"] = 30
        o["status"] = self.status()
        emit(t, "MODIFIED", o)

    def deleted(self, t):
        emit(t, "DELETED", self.obj)


def cid(*parts):
    return "containerd://" + hashlib.sha256("/".join(parts).encode()).hexdigest()


def image_id(image):
    repo = image.split(":")[0]
    return repo + "@sha256:" + hashlib.sha256(image.encode()).hexdigest()


def running(pod, name, since, ready=True, restarts=0, last=None):
    return {"state": {"running": {"startedAt": ts(since)}}, "ready": ready, "restarts": restarts,
            "started": True, "cid": cid(pod.name, name, str(restarts)), "imageID": image_id(pod.images[name]),
            **({"last": last} if last else {})}


def terminated(pod, name, reason, code, started, finished, restarts):
    return {"terminated": {"exitCode": code, "reason": reason, "startedAt": ts(started), "finishedAt": ts(finished),
                           "containerID": cid(pod.name, name, str(restarts))}}


def go_duration(seconds):
    """time.Duration.String(): 10s, 1m20s, 5m0s (the kubelet prints back-off delays this way)."""
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60}s" if seconds >= 60 else f"{seconds}s"


def waiting(reason, message=None):
    w = {"reason": reason}
    if message:
        w["message"] = message
    return {"waiting": w}


def resources(cpu, mem, gpu=0, mem_limit=None):
    r = {"requests": {"cpu": cpu, "memory": mem}, "limits": {"memory": mem_limit or mem}}
    if gpu:
        r["requests"]["nvidia.com/gpu"] = str(gpu)
        r["limits"]["nvidia.com/gpu"] = str(gpu)
    return r


def running_pod_at_start(pod, node_name, start, ready_at, restarts=0, init_done=None):
    pod.bind(start, node_name)
    pod.phase = "Running"
    pod.cond("PodReadyToStartContainers", "True", start + timedelta(seconds=2))
    pod.cond("Initialized", "True", init_done or start + timedelta(seconds=2))
    pod.cond("Ready", "True", ready_at)
    pod.cond("ContainersReady", "True", ready_at)
    for name in pod.cstate:
        pod.cstate[name] = running(pod, name, start + timedelta(seconds=20), restarts=restarts)
    for name in pod.istate:
        pod.istate[name] = {"state": terminated(pod, name, "Completed", 0, start + timedelta(seconds=3),
                                                start + timedelta(seconds=9), 0), "cid": cid(pod.name, name, "0"),
                            "imageID": image_id(pod.images[name])}
    pod.snap(at(0), "ADDED")


# ================================================================= the story

# --- kube-system: the NVIDIA device plugin on every GPU node (healthy background)
for i, gnode in enumerate([DISK_NODE, "ip-10-0-2-87.ec2.internal", "ip-10-0-3-12.ec2.internal"]):
    p = Pod("kube-system", "nvidia-device-plugin-daemonset-" + h(gnode), "DaemonSet", "nvidia-device-plugin-daemonset",
            at(-1440 * 3 + i * 90), [{"name": "nvidia-device-plugin-ctr",
                                      "image": "nvcr.io/nvidia/k8s-device-plugin:v0.17.0",
                                      "resources": {}, "securityContext": {"allowPrivilegeEscalation": False,
                                                                           "capabilities": {"drop": ["ALL"]}}}],
            gpu=True, labels={"name": "nvidia-device-plugin-ds", "controller-revision-hash": "5d8b7c4f9c",
                              "pod-template-generation": "1"}, ip=f"10.0.{i + 1}.{200 + i}", qos="BestEffort")
    p.obj["spec"]["priorityClassName"] = "system-node-critical"
    p.obj["spec"]["priority"] = 2000001000
    running_pod_at_start(p, gnode, at(-1440 * 3 + i * 90), at(-1440 * 3 + i * 90, 30))

# --- ml-batch: long training / batch Jobs holding GPUs for the whole recording
BATCH = []
for jname, gnode, gpus, ip, started in [
    ("whisper-batch-transcribe", DISK_NODE, 2, "10.0.1.88", at(-95)),
    ("bert-distill", "ip-10-0-2-87.ec2.internal", 2, "10.0.2.164", at(-210)),
    ("llama3-finetune", "ip-10-0-3-12.ec2.internal", 4, "10.0.3.45", at(-380)),
]:
    emit(at(0), "ADDED", job_obj("ml-batch", jname, started, labels={"team": "ml-research"}))
    p = Pod("ml-batch", f"{jname}-{h(jname)}", "Job", jname, started,
            [{"name": "trainer", "image": f"{ECR}/ml-training:pytorch-24.08-{jname}",
              "command": ["torchrun", "--nproc_per_node", str(gpus), "/workspace/train.py"],
              "resources": resources("16", "96Gi", gpus)}], gpu=True, restart="Never",
            labels={"batch.kubernetes.io/controller-uid": uid("Job", "ml-batch", jname),
                    "batch.kubernetes.io/job-name": jname, "controller-uid": uid("Job", "ml-batch", jname),
                    "job-name": jname}, ip=ip)
    running_pod_at_start(p, gnode, started, started + timedelta(seconds=200))
    BATCH.append(p)

# --- web: frontend, two replicas of the old ReplicaSet (rolled at 10:00:30)
FE_OLD, FE_NEW = "frontend-5d8c7b9f44", "frontend-7c9d8f6b54"


def fe_template(hash_, tag):
    return {"metadata": {"labels": {"app": "frontend", "pod-template-hash": hash_}},
            "spec": {"containers": [{"name": "frontend", "image": f"{ECR}/frontend:{tag}",
                                     "ports": [{"containerPort": 8080, "protocol": "TCP"}],
                                     "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080, "scheme": "HTTP"},
                                                        "periodSeconds": 5, "timeoutSeconds": 1,
                                                        "successThreshold": 1, "failureThreshold": 3},
                                     "resources": resources("500m", "512Mi")}]}}


def fe_pod(rs, hash_, tag, suffix, created, ip):
    c = copy.deepcopy(fe_template(hash_, tag)["spec"]["containers"][0])
    return Pod("web", f"{rs}-{suffix}", "ReplicaSet", rs, created, [c],
               labels={"app": "frontend", "pod-template-hash": hash_}, ip=ip)


emit(at(0), "ADDED", replicaset_obj("web", "frontend", FE_OLD, 2, 2, at(-2880), "5d8c7b9f44",
                                   fe_template("5d8c7b9f44", "2025.03.12-1"), revision="6"))
fe_old = [fe_pod(FE_OLD, "5d8c7b9f44", "2025.03.12-1", "b7wql", at(-2880), "10.0.1.61"),
          fe_pod(FE_OLD, "5d8c7b9f44", "2025.03.12-1", "n2x8k", at(-2880), "10.0.2.19")]
running_pod_at_start(fe_old[0], "ip-10-0-1-23.ec2.internal", at(-2880), at(-2880, 15))
running_pod_at_start(fe_old[1], "ip-10-0-2-141.ec2.internal", at(-2880), at(-2880, 16))

# --- inference: embedding-worker, running since yesterday; it will OOM from 10:12 (no OOM event at all)
EMB_RS = "embedding-worker-6b8f9c7d5"
emb_template = {"metadata": {"labels": {"app": "embedding-worker", "pod-template-hash": "6b8f9c7d5"}},
                "spec": {"containers": [{"name": "embedding-worker", "image": f"{ECR}/embedding-worker:1.14.2",
                                         "args": ["--model", "BAAI/bge-large-en-v1.5", "--max-batch-tokens", "65536"],
                                         "resources": resources("4", "4Gi", 1)}]}}
emit(at(0), "ADDED", replicaset_obj("inference", "embedding-worker", EMB_RS, 1, 1, at(-1300), "6b8f9c7d5", emb_template))
emb = Pod("inference", f"{EMB_RS}-q4ztx", "ReplicaSet", EMB_RS, at(-1300),
          copy.deepcopy(emb_template["spec"]["containers"]), gpu=True,
          labels={"app": "embedding-worker", "pod-template-hash": "6b8f9c7d5"}, ip="10.0.2.58")
running_pod_at_start(emb, "ip-10-0-2-87.ec2.internal", at(-1300), at(-1300, 75))

# ---------------------------------------------------------------- 10:00:30 frontend rollout (healthy noise)
fe_dep_uid = uid("Deployment", "web", "frontend")
OBJ_UIDS[("Deployment", "web", "frontend")] = fe_dep_uid
fe_new_rs = replicaset_obj("web", "frontend", FE_NEW, 1, 0, at(0, 30), "7c9d8f6b54",
                           fe_template("7c9d8f6b54", "2025.03.14-2"), revision="7")
emit(at(0, 30), "ADDED", fe_new_rs)
event(at(0, 30), "Deployment", "web", "frontend", "Normal", "ScalingReplicaSet",
      f"Scaled up replica set {FE_NEW} from 0 to 1", "deployment-controller")
fe_new = [fe_pod(FE_NEW, "7c9d8f6b54", "2025.03.14-2", "xk2lp", at(0, 30), "10.0.3.140"),
          fe_pod(FE_NEW, "7c9d8f6b54", "2025.03.14-2", "9vdrm", at(1, 12), "10.0.1.77")]
fe_nodes = ["ip-10-0-3-77.ec2.internal", "ip-10-0-1-23.ec2.internal"]


def fe_start(i, t0, readiness_blip):
    p = fe_new[i]
    event(t0, "ReplicaSet", "web", FE_NEW, "Normal", "SuccessfulCreate", f"Created pod: {p.name}", "replicaset-controller")
    p.snap(t0, "ADDED")
    p.bind(t0 + timedelta(milliseconds=40), fe_nodes[i])
    scheduled(t0 + timedelta(milliseconds=40), "web", p.name, fe_nodes[i])
    p.cstate["frontend"] = {"state": waiting("ContainerCreating")}
    p.cond("PodReadyToStartContainers", "False", t0)
    p.cond("Initialized", "True", t0)
    p.cond("Ready", "False", t0, "ContainersNotReady", "containers with unready status: [frontend]")
    p.cond("ContainersReady", "False", t0, "ContainersNotReady", "containers with unready status: [frontend]")
    p.snap(t0 + timedelta(milliseconds=60))
    img = p.images["frontend"]
    kubelet(t0 + timedelta(seconds=1), "web", p.name, "Normal", "Pulling", f'Pulling image "{img}"', fe_nodes[i], "frontend")
    kubelet(t0 + timedelta(seconds=4), "web", p.name, "Normal", "Pulled", pulled_msg(img, 2.913 + i, 48213377), fe_nodes[i], "frontend")
    kubelet(t0 + timedelta(seconds=4), "web", p.name, "Normal", "Created", "Created container: frontend", fe_nodes[i], "frontend")
    kubelet(t0 + timedelta(seconds=4), "web", p.name, "Normal", "Started", "Started container frontend", fe_nodes[i], "frontend")
    p.phase = "Running"
    p.cond("PodReadyToStartContainers", "True", t0 + timedelta(seconds=2))
    p.cstate["frontend"] = running(p, "frontend", t0 + timedelta(seconds=4), ready=False)
    p.snap(t0 + timedelta(seconds=4, milliseconds=500))
    ready_at = t0 + timedelta(seconds=11)
    if readiness_blip:
        # One failed readiness check while the app warms its caches: normal, must open nothing.
        kubelet(t0 + timedelta(seconds=6), "web", p.name, "Warning", "Unhealthy",
                f'Readiness probe failed: Get "http://{p.ip}:8080/ready": dial tcp {p.ip}:8080: connect: connection refused',
                fe_nodes[i], "frontend")
        ready_at = t0 + timedelta(seconds=16)
    p.cstate["frontend"] = running(p, "frontend", t0 + timedelta(seconds=4), ready=True)
    p.cond("Ready", "True", ready_at)
    p.cond("ContainersReady", "True", ready_at)
    p.snap(ready_at)
    return ready_at


def fe_stop(j, t, new_replicas, old_replicas):
    p = fe_old[j]
    event(t, "Deployment", "web", "frontend", "Normal", "ScalingReplicaSet",
          f"Scaled down replica set {FE_OLD} from {old_replicas + 1} to {old_replicas}", "deployment-controller")
    event(t, "ReplicaSet", "web", FE_OLD, "Normal", "SuccessfulDelete", f"Deleted pod: {p.name}", "replicaset-controller")
    p.delete(t)
    kubelet(t + timedelta(milliseconds=80), "web", p.name, "Normal", "Killing", "Stopping container frontend",
            p.node, "frontend")
    p.cstate["frontend"] = {"state": terminated(p, "frontend", "Completed", 0, at(-2880, 20), t + timedelta(seconds=2), 0)}
    p.phase = "Succeeded"
    p.cond("Ready", "False", t + timedelta(seconds=2), "PodCompleted")
    p.cond("ContainersReady", "False", t + timedelta(seconds=2), "PodCompleted")
    p.snap(t + timedelta(seconds=2))
    p.deleted(t + timedelta(seconds=3))


r0 = fe_start(0, at(0, 30), readiness_blip=True)
fe_stop(0, r0 + timedelta(seconds=1), 1, 1)
event(r0 + timedelta(seconds=1, milliseconds=20), "Deployment", "web", "frontend", "Normal", "ScalingReplicaSet",
      f"Scaled up replica set {FE_NEW} from 1 to 2", "deployment-controller")
r1 = fe_start(1, r0 + timedelta(seconds=1, milliseconds=60), readiness_blip=False)
fe_stop(1, r1 + timedelta(seconds=1), 2, 0)
fe_new_rs["spec"]["replicas"] = 2
fe_new_rs["status"].update({"replicas": 2, "fullyLabeledReplicas": 2, "readyReplicas": 2, "availableReplicas": 2})
emit(r1 + timedelta(seconds=1, milliseconds=50), "MODIFIED", fe_new_rs)

# ---------------------------------------------------------------- 10:01 triton (seed 001)
TRITON_RS = "triton-79569cfbbc"
triton_template = {"metadata": {"labels": {"app": "triton", "pod-template-hash": "79569cfbbc"}},
                   "spec": {"initContainers": [{"name": "sync-models", "image": "amazon/aws-cli:latest",
                                                "command": ["aws", "s3", "sync", "s3://prod-models-us-east-1/triton/resnet50", "/models/resnet50"],
                                                "volumeMounts": [{"name": "models", "mountPath": "/models"}]}],
                            "containers": [{"name": "triton", "image": TRITON_IMAGE,
                                            "args": ["tritonserver", "--model-repository=/models"],
                                            "ports": [{"containerPort": 8000, "name": "http", "protocol": "TCP"},
                                                      {"containerPort": 8001, "name": "grpc", "protocol": "TCP"},
                                                      {"containerPort": 8002, "name": "metrics", "protocol": "TCP"}],
                                            "readinessProbe": {"httpGet": {"path": "/v2/health/ready", "port": 8000, "scheme": "HTTP"},
                                                               "periodSeconds": 10, "timeoutSeconds": 1,
                                                               "successThreshold": 1, "failureThreshold": 3},
                                            "resources": resources("2", "8Gi", 1, "16Gi"),
                                            "volumeMounts": [{"name": "models", "mountPath": "/models"}]}],
                            "nodeSelector": {"accelerator": "nvidia"}}}
triton_rs = replicaset_obj("inference", "triton", TRITON_RS, 1, 0, at(0, 59, 800), "79569cfbbc", triton_template)
emit(at(0, 59, 800), "ADDED", triton_rs)
event(at(0, 59, 800), "Deployment", "inference", "triton", "Normal", "ScalingReplicaSet",
      f"Scaled up replica set {TRITON_RS} from 0 to 1", "deployment-controller")
triton = Pod("inference", f"{TRITON_RS}-m2wcc", "ReplicaSet", TRITON_RS, at(0, 59, 870),
             copy.deepcopy(triton_template["spec"]["containers"]),
             copy.deepcopy(triton_template["spec"]["initContainers"]), gpu=True,
             labels={"app": "triton", "pod-template-hash": "79569cfbbc"}, ip="10.0.1.133",
             node_selector={"accelerator": "nvidia"},
             volumes=[{"name": "models", "emptyDir": {"sizeLimit": "10Gi"}}])
event(at(0, 59, 900), "ReplicaSet", "inference", TRITON_RS, "Normal", "SuccessfulCreate",
      f"Created pod: {triton.name}", "replicaset-controller")
triton.snap(at(0, 59, 900), "ADDED")
triton.bind(at(1), DISK_NODE)
triton.cond("PodReadyToStartContainers", "False", at(1))
triton.cond("Initialized", "False", at(1), "ContainersNotInitialized", "containers with incomplete status: [sync-models]")
triton.cond("Ready", "False", at(1), "ContainersNotReady", "containers with unready status: [triton]")
triton.cond("ContainersReady", "False", at(1), "ContainersNotReady", "containers with unready status: [triton]")
triton.istate["sync-models"] = {"state": waiting("PodInitializing")}
triton.cstate["triton"] = {"state": waiting("PodInitializing")}
scheduled(at(1), "inference", triton.name, DISK_NODE)
triton.snap(at(1, 0, 30))
kubelet(at(1, 1), "inference", triton.name, "Normal", "Pulling", 'Pulling image "amazon/aws-cli:latest"', DISK_NODE, "sync-models", True)
triton.cond("PodReadyToStartContainers", "True", at(1, 2))
triton.snap(at(1, 2))
kubelet(at(1, 6), "inference", triton.name, "Normal", "Pulled",
        'Successfully pulled image "amazon/aws-cli:latest" in 5.419s (5.419s including waiting). Image size: 128976715 bytes.',
        DISK_NODE, "sync-models", True)
kubelet(at(1, 6), "inference", triton.name, "Normal", "Created", "Created container: sync-models", DISK_NODE, "sync-models", True)
kubelet(at(1, 6), "inference", triton.name, "Normal", "Started", "Started container sync-models", DISK_NODE, "sync-models", True)
triton.istate["sync-models"] = {"state": {"running": {"startedAt": ts(at(1, 6))}}, "cid": cid(triton.name, "sync-models", "0"),
                                "imageID": image_id("amazon/aws-cli:latest")}
triton.snap(at(1, 6, 400))
triton.istate["sync-models"] = {"state": terminated(triton, "sync-models", "Completed", 0, at(1, 6), at(1, 9), 0),
                                "cid": cid(triton.name, "sync-models", "0"), "imageID": image_id("amazon/aws-cli:latest")}
triton.cond("Initialized", "True", at(1, 9))
triton.cstate["triton"] = {"state": waiting("ContainerCreating")}
triton.snap(at(1, 9, 500))


def pull_fail_msg(image, layer, extract, snap, path):
    return (f'Failed to pull image "{image}": failed to pull and unpack image "{image}": failed to extract layer '
            f'(application/vnd.oci.image.layer.v1.tar+gzip sha256:{layer}) to overlayfs as "{extract}": '
            f'write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/{snap}/fs/{path}: '
            f'no space left on device')


TRITON_LAYER = "573e602e6564cb45ecb9743e909c510eec7a78e6db1a3a1a7c343c091705bce1"
TRITON_PATH = "opt/nvidia/nsight-compute/2023.3.1/docs/pdf/NsightCompute.pdf"
LLAMA_LAYER = "9c1f4e0a7d3b62e85f1a0c9b4d7e3f26a8b5c1d0e9f7a6b3c2d1e0f9a8b7c6d5"
LLAMA_PATH = "usr/local/lib/python3.12/dist-packages/torch/lib/libtorch_cuda.so"


def image_pull_cycle(pod, cname, image, pulls, fail_msgs, recover=None):
    """pulls: list of (pull_start, fail_time); the kubelet's ImagePullBackOff between them."""
    node_name = pod.node
    for i, (start, fail) in enumerate(pulls):
        kubelet(start, pod.ns, pod.name, "Normal", "Pulling", f'Pulling image "{image}"', node_name, cname)
        if fail is None:
            continue
        msg = fail_msgs[i]
        kubelet(fail, pod.ns, pod.name, "Warning", "Failed", msg, node_name, cname)
        kubelet(fail, pod.ns, pod.name, "Warning", "Failed", "Error: ErrImagePull", node_name, cname)
        pod.cstate[cname] = {"state": waiting("ErrImagePull", msg[len("Failed to pull image \"" + image + "\": "):])}
        pod.snap(fail + timedelta(milliseconds=300))
        bo = fail + timedelta(seconds=1)
        kubelet(bo, pod.ns, pod.name, "Normal", "BackOff", f'Back-off pulling image "{image}"', node_name, cname)
        kubelet(bo, pod.ns, pod.name, "Warning", "Failed", "Error: ImagePullBackOff", node_name, cname)
        pod.cstate[cname] = {"state": waiting("ImagePullBackOff", f'Back-off pulling image "{image}": ErrImagePull: '
                                               + msg[len("Failed to pull image \"" + image + "\": "):])}
        pod.snap(bo + timedelta(milliseconds=300))
        # while backing off, the kubelet re-reports BackOff / ImagePullBackOff on its pod syncs
        nxt = pulls[i + 1][0] if i + 1 < len(pulls) else recover
        if nxt is not None and (nxt - bo).total_seconds() > 60:
            mid = bo + (nxt - bo) / 2
            kubelet(mid, pod.ns, pod.name, "Normal", "BackOff", f'Back-off pulling image "{image}"', node_name, cname)
            kubelet(mid, pod.ns, pod.name, "Warning", "Failed", "Error: ImagePullBackOff", node_name, cname)


# triton pulls: seed 001's first failure at 10:03:08, retried with the kubelet's image back-off (10s .. 300s)
triton_pulls = [(at(1, 10), at(3, 8)), (at(3, 19), at(3, 40)), (at(4, 0), at(4, 21)), (at(5, 1), at(5, 22)),
                (at(6, 42), at(7, 3)), (at(9, 43), at(10, 4)), (at(15, 4), at(15, 25)), (at(20, 25), at(20, 46)),
                (at(25, 46), at(26, 7))]
triton_msgs = [pull_fail_msg(TRITON_IMAGE, TRITON_LAYER,
                             "extract-871885561-oknc sha256:85b8e878ad28f1bea36973f8a98ff4df41b8cf62db7583f9edce5fca0b9e582f",
                             360, TRITON_PATH)]
for k, (snap, ex) in enumerate([(363, "extract-904418272-Xq3v"), (366, "extract-934620117-b2Lk"), (369, "extract-975503980-R0dt"),
                                (372, "extract-20116854-pW7e"), (378, "extract-201873344-Jc1n"), (381, "extract-505128811-ty4M"),
                                (384, "extract-807440096-Gh8s"), (387, "extract-110337925-Ze5q")]):
    triton_msgs.append(pull_fail_msg(TRITON_IMAGE, TRITON_LAYER,
                                     f"{ex} sha256:85b8e878ad28f1bea36973f8a98ff4df41b8cf62db7583f9edce5fca0b9e582f",
                                     snap, TRITON_PATH))

# ---------------------------------------------------------------- 10:04 vllm-mistral (liveness kills a loading model)
MIS_RS = "vllm-mistral-6d4f7b8c9d"
MIS_IMAGE = "vllm/vllm-openai:v0.6.3"
mis_template = {"metadata": {"labels": {"app": "vllm-mistral", "pod-template-hash": "6d4f7b8c9d"}},
                "spec": {"containers": [{"name": "vllm", "image": MIS_IMAGE,
                                         "args": ["--model", "mistralai/Mistral-7B-Instruct-v0.3", "--port", "8000",
                                                  "--max-model-len", "16384", "--gpu-memory-utilization", "0.92"],
                                         "ports": [{"containerPort": 8000, "name": "http", "protocol": "TCP"}],
                                         "livenessProbe": {"httpGet": {"path": "/health", "port": 8000, "scheme": "HTTP"},
                                                           "initialDelaySeconds": 60, "periodSeconds": 10,
                                                           "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 3},
                                         "resources": resources("6", "32Gi", 1, "48Gi"),
                                         "volumeMounts": [{"name": "hf-cache", "mountPath": "/root/.cache/huggingface"}]}]}}
emit(at(4), "ADDED", replicaset_obj("inference", "vllm-mistral", MIS_RS, 1, 0, at(4), "6d4f7b8c9d", mis_template))
event(at(4), "Deployment", "inference", "vllm-mistral", "Normal", "ScalingReplicaSet",
      f"Scaled up replica set {MIS_RS} from 0 to 1", "deployment-controller")
mis = Pod("inference", f"{MIS_RS}-8kq2x", "ReplicaSet", MIS_RS, at(4), copy.deepcopy(mis_template["spec"]["containers"]),
          gpu=True, labels={"app": "vllm-mistral", "pod-template-hash": "6d4f7b8c9d"}, ip="10.0.2.33",
          volumes=[{"name": "hf-cache", "emptyDir": {}}])
MIS_NODE = "ip-10-0-2-87.ec2.internal"
event(at(4, 0, 30), "ReplicaSet", "inference", MIS_RS, "Normal", "SuccessfulCreate", f"Created pod: {mis.name}", "replicaset-controller")
mis.snap(at(4, 0, 30), "ADDED")
mis.bind(at(4, 0, 80), MIS_NODE)
scheduled(at(4, 0, 80), "inference", mis.name, MIS_NODE)
mis.cond("PodReadyToStartContainers", "False", at(4))
mis.cond("Initialized", "True", at(4))
mis.cond("Ready", "False", at(4), "ContainersNotReady", "containers with unready status: [vllm]")
mis.cond("ContainersReady", "False", at(4), "ContainersNotReady", "containers with unready status: [vllm]")
mis.cstate["vllm"] = {"state": waiting("ContainerCreating")}
mis.snap(at(4, 0, 120))
kubelet(at(4, 2), "inference", mis.name, "Normal", "Pulling", f'Pulling image "{MIS_IMAGE}"', MIS_NODE, "vllm")
mis.cond("PodReadyToStartContainers", "True", at(4, 2))
mis.snap(at(4, 2, 300))
kubelet(at(5, 17), "inference", mis.name, "Normal", "Pulled", pulled_msg(MIS_IMAGE, 75.318, 9104856123), MIS_NODE, "vllm")

# run k: start, killed by liveness at start+80s, exits (SIGKILL after the 30 s grace) at start+110s
mis_runs = [at(5, 20), at(7, 20), at(9, 30), at(12, 0), at(15, 10), at(19, 40), at(26, 30), at(33, 20), at(40, 10)]
LIVENESS_MSG = 'Liveness probe failed: Get "http://10.0.2.33:8000/health": dial tcp 10.0.2.33:8000: connect: connection refused'
MIS_BACKOFF = f"Back-off restarting failed container vllm in pod {mis.name}_inference({mis.uid})"
mis_timeline = []  # filled into the global ordering below by time

# ---------------------------------------------------------------- 10:06:30 llm-summarizer (seed 002: Insufficient nvidia.com/gpu)
SUM_RS = "llm-summarizer-7b9c5d8f6c"
sum_template = {"metadata": {"labels": {"app": "llm-summarizer", "pod-template-hash": "7b9c5d8f6c"}},
                "spec": {"containers": [{"name": "summarizer", "image": "vllm/vllm-openai:v0.6.3",
                                         "args": ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--tensor-parallel-size", "2"],
                                         "ports": [{"containerPort": 8000, "protocol": "TCP"}],
                                         "resources": resources("8", "48Gi", 2, "64Gi")}]}}
emit(at(6, 30), "ADDED", replicaset_obj("genai", "llm-summarizer", SUM_RS, 1, 0, at(6, 30), "7b9c5d8f6c", sum_template))
event(at(6, 30), "Deployment", "genai", "llm-summarizer", "Normal", "ScalingReplicaSet",
      f"Scaled up replica set {SUM_RS} from 0 to 1", "deployment-controller")
summ = Pod("genai", f"{SUM_RS}-jx4vn", "ReplicaSet", SUM_RS, at(6, 30), copy.deepcopy(sum_template["spec"]["containers"]),
           gpu=True, labels={"app": "llm-summarizer", "pod-template-hash": "7b9c5d8f6c"})
event(at(6, 30, 40), "ReplicaSet", "genai", SUM_RS, "Normal", "SuccessfulCreate", f"Created pod: {summ.name}", "replicaset-controller")
summ.snap(at(6, 30, 40), "ADDED")
SUM_A = ("0/6 nodes are available: 6 Insufficient nvidia.com/gpu. preemption: 0/6 nodes are available: "
         "6 No preemption victims found for incoming pod.")
SUM_B = ("0/6 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, "
         "5 Insufficient nvidia.com/gpu. preemption: 0/6 nodes are available: 1 Preemption is not helpful for scheduling, "
         "5 No preemption victims found for incoming pod.")
SUM_C = ("0/7 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, "
         "6 Insufficient nvidia.com/gpu. preemption: 0/7 nodes are available: 1 Preemption is not helpful for scheduling, "
         "6 No preemption victims found for incoming pod.")
SUM_D = ("0/7 nodes are available: 7 Insufficient nvidia.com/gpu. preemption: 0/7 nodes are available: "
         "7 No preemption victims found for incoming pod.")
SCHED = "default-scheduler-ip-172-16-77-14.ec2.internal"


def sum_failed(t, note):
    event_v1_series(t, "Pod", "genai", summ.name, "Warning", "FailedScheduling", "Scheduling", note,
                    "default-scheduler", SCHED)


sum_failed(at(6, 30, 60), SUM_A)
summ.cond("PodScheduled", "False", at(6, 30, 60), "Unschedulable", SUM_A)
summ.snap(at(6, 30, 90))
CA_MSG = "pod didn't trigger scale-up: 1 Insufficient nvidia.com/gpu, 1 max node group size reached"
event(at(6, 41), "Pod", "genai", summ.name, "Normal", "NotTriggerScaleUp", CA_MSG, "cluster-autoscaler")
for t in [at(8, 5, 200), at(9, 40)]:
    sum_failed(t, SUM_A)

# ---------------------------------------------------------------- 10:08 vllm-llama3: second workload on the same full disk
LLAMA_RS = "vllm-llama3-5c7f9d6b8d"
llama_template = {"metadata": {"labels": {"app": "vllm-llama3", "pod-template-hash": "5c7f9d6b8d"}},
                  "spec": {"containers": [{"name": "vllm", "image": LLAMA_IMAGE,
                                           "args": ["--model", "meta-llama/Meta-Llama-3-8B-Instruct", "--port", "8000"],
                                           "ports": [{"containerPort": 8000, "name": "http", "protocol": "TCP"}],
                                           "startupProbe": {"httpGet": {"path": "/health", "port": 8000, "scheme": "HTTP"},
                                                            "periodSeconds": 10, "timeoutSeconds": 1,
                                                            "successThreshold": 1, "failureThreshold": 60},
                                           "readinessProbe": {"httpGet": {"path": "/health", "port": 8000, "scheme": "HTTP"},
                                                              "periodSeconds": 10, "timeoutSeconds": 1,
                                                              "successThreshold": 1, "failureThreshold": 3},
                                           "resources": resources("6", "32Gi", 1, "48Gi")}],
                           "nodeSelector": {"accelerator": "nvidia"}}}
emit(at(8), "ADDED", replicaset_obj("inference", "vllm-llama3", LLAMA_RS, 1, 0, at(8), "5c7f9d6b8d", llama_template))
event(at(8), "Deployment", "inference", "vllm-llama3", "Normal", "ScalingReplicaSet",
      f"Scaled up replica set {LLAMA_RS} from 0 to 1", "deployment-controller")
llama = Pod("inference", f"{LLAMA_RS}-tz8wq", "ReplicaSet", LLAMA_RS, at(8, 5), copy.deepcopy(llama_template["spec"]["containers"]),
            gpu=True, labels={"app": "vllm-llama3", "pod-template-hash": "5c7f9d6b8d"}, ip="10.0.1.204",
            node_selector={"accelerator": "nvidia"})
event(at(8, 5), "ReplicaSet", "inference", LLAMA_RS, "Normal", "SuccessfulCreate", f"Created pod: {llama.name}", "replicaset-controller")
llama.snap(at(8, 5), "ADDED")
llama.bind(at(8, 5, 60), DISK_NODE)
scheduled(at(8, 5, 60), "inference", llama.name, DISK_NODE)
llama.cond("PodReadyToStartContainers", "False", at(8, 5))
llama.cond("Initialized", "True", at(8, 5))
llama.cond("Ready", "False", at(8, 5), "ContainersNotReady", "containers with unready status: [vllm]")
llama.cond("ContainersReady", "False", at(8, 5), "ContainersNotReady", "containers with unready status: [vllm]")
llama.cstate["vllm"] = {"state": waiting("ContainerCreating")}
llama.snap(at(8, 5, 100))
llama.cond("PodReadyToStartContainers", "True", at(8, 7))
llama.snap(at(8, 7))
llama_pulls = [(at(8, 6), at(9, 50)), (at(10, 0), at(10, 15)), (at(10, 35), at(10, 50)), (at(11, 30), at(11, 45)),
               (at(13, 5), at(13, 20)), (at(16, 0), at(16, 15)), (at(21, 15), at(21, 30)), (at(26, 30), at(26, 45))]
llama_msgs = [pull_fail_msg(LLAMA_IMAGE, LLAMA_LAYER, f"extract-{n}-{h(str(n), 4)} sha256:4b2e8d1c7a9f3e5b6d0c8a2f1e7d9b3c5a4f6e8d0b2c1a3e5f7d9b8c6a4e2f0d1",
                            s, LLAMA_PATH)
              for n, s in [(118204977, 371), (140952361, 374), (166023845, 375), (190117640, 377), (277304519, 380),
                           (401883726, 383), (622190458, 386), (913552017, 389)]]

# ---------------------------------------------------------------- node ip-10-0-1-149: image GC fails, DiskPressure
DISK_SINCE = at(10, 10)


def node_event(t, type_, reason, message, component="kubelet"):
    event(t, "Node", None, DISK_NODE, type_, reason, message, component, DISK_NODE if component == "kubelet" else None)


node_timeline = []


def disk_pressure_on(t):
    n = NODES[DISK_NODE]
    n["spec"]["taints"].append({"key": "node.kubernetes.io/disk-pressure", "effect": "NoSchedule", "timeAdded": ts(t + timedelta(seconds=2))})
    n["status"]["conditions"] = node_conditions(t, at(-3 * 1440), True, True, t)
    emit(t, "MODIFIED", n)
    node_event(t, "Warning", "EvictionThresholdMet", "Attempting to reclaim ephemeral-storage")
    node_event(t + timedelta(seconds=1), "Normal", "NodeHasDiskPressure", f"Node {DISK_NODE} status is now: NodeHasDiskPressure")
    emit(t + timedelta(seconds=2), "MODIFIED", n)


def gc_failed(t, bytes_, with_image_gc):
    msg = f"Failed to garbage collect required amount of images. Attempted to free {bytes_} bytes, but only found 0 bytes eligible to free."
    node_event(t, "Warning", "FreeDiskSpaceFailed", msg)
    if with_image_gc:
        node_event(t, "Warning", "ImageGCFailed", msg)


# ---------------------------------------------------------------- 10:12:40 embedding-worker OOMs (pod snapshots only)
EMB_BACKOFF = f"Back-off restarting failed container embedding-worker in pod {emb.name}_inference({emb.uid})"

# ---------------------------------------------------------------- 10:14 triton-ensemble: ReplicaSet cannot create Pods (seed 000)
ENS_RS = "triton-ensemble-6c8d9b7f5d"
QUOTA_MSG = (f'pods "{ENS_RS}-" is forbidden: exceeded quota: gpu-quota, requested: requests.nvidia.com/gpu=1, '
             f'used: requests.nvidia.com/gpu=4, limited: requests.nvidia.com/gpu=4')


# ================================================================= assemble the timeline
def story():
    # triton image pulls (seed 001 verbatim for the first cycle)
    image_pull_cycle(triton, "triton", TRITON_IMAGE, triton_pulls, triton_msgs, recover=at(31, 7))
    image_pull_cycle(llama, "vllm", LLAMA_IMAGE, llama_pulls, llama_msgs, recover=at(31, 50))

    # vllm-mistral: liveness kills while the model loads, restarts climb, CrashLoopBackOff
    for k, s in enumerate(mis_runs):
        if k == 0:
            kubelet(s - timedelta(seconds=3), "inference", mis.name, "Normal", "Created", "Created container: vllm", MIS_NODE, "vllm")
            kubelet(s, "inference", mis.name, "Normal", "Started", "Started container vllm", MIS_NODE, "vllm")
        else:
            kubelet(s - timedelta(seconds=1), "inference", mis.name, "Normal", "Pulled",
                    f'Container image "{MIS_IMAGE}" already present on machine', MIS_NODE, "vllm")
            kubelet(s - timedelta(seconds=1), "inference", mis.name, "Normal", "Created", "Created container: vllm", MIS_NODE, "vllm")
            kubelet(s, "inference", mis.name, "Normal", "Started", "Started container vllm", MIS_NODE, "vllm")
        last = None
        if k > 0:
            prev = mis_runs[k - 1]
            last = terminated(mis, "vllm", "Error", 137, prev, prev + timedelta(seconds=110), k - 1)
        mis.phase = "Running"
        mis.cstate["vllm"] = running(mis, "vllm", s, ready=False, restarts=k, last=last)
        mis.snap(s + timedelta(milliseconds=600))
        if s + timedelta(seconds=60) > at(45):
            break
        for p in (60, 70, 80):
            kubelet(s + timedelta(seconds=p), "inference", mis.name, "Warning", "Unhealthy", LIVENESS_MSG, MIS_NODE, "vllm")
        kubelet(s + timedelta(seconds=80, milliseconds=5), "inference", mis.name, "Normal", "Killing",
                "Container vllm failed liveness probe, will be restarted", MIS_NODE, "vllm")
        exit_t = s + timedelta(seconds=110)
        nxt = mis_runs[k + 1] if k + 1 < len(mis_runs) else at(46)
        wait_s = (nxt - exit_t).total_seconds()
        mis.cstate["vllm"] = {"state": waiting("CrashLoopBackOff",
                                               f"back-off {go_duration(min(300, 10 * 2 ** k))} restarting failed container=vllm pod={mis.name}_inference({mis.uid})"),
                              "last": terminated(mis, "vllm", "Error", 137, s, exit_t, k), "restarts": k,
                              "imageID": image_id(MIS_IMAGE)}
        if k == 0:
            # the first restart is immediate: no back-off yet
            continue
        mis.snap(exit_t + timedelta(milliseconds=500))
        b = exit_t + timedelta(seconds=1)
        while b < nxt - timedelta(seconds=1) and b < at(45):
            kubelet(b, "inference", mis.name, "Warning", "BackOff", MIS_BACKOFF, MIS_NODE, "vllm")
            b += timedelta(seconds=max(10, min(75, wait_s / 3)))

    # llm-summarizer pending: FailedScheduling repeats (series), message changes with the cluster
    disk_pressure_on(DISK_SINCE)
    for t, note in [(at(10, 12, 300), SUM_B), (at(13, 1), SUM_B), (at(17, 44), SUM_B), (at(22, 30), SUM_B)]:
        sum_failed(t, note)
    summ.cond("PodScheduled", "False", at(10, 12, 300), "Unschedulable", SUM_B)
    summ.conds["PodScheduled"]["message"] = SUM_B
    summ.snap(at(10, 12, 500))
    for t in [at(12, 10), at(18, 30), at(25, 2), at(31, 40), at(38, 15), at(44, 50)]:
        event(t, "Pod", "genai", summ.name, "Normal", "NotTriggerScaleUp", CA_MSG, "cluster-autoscaler")
    for t, note in [(at(24, 20, 500), SUM_C), (at(27, 3), SUM_C)]:
        sum_failed(t, note)
    summ.conds["PodScheduled"]["message"] = SUM_C
    summ.snap(at(24, 20, 700))
    for t in [at(30, 36), at(35, 12), at(40, 12), at(44, 58)]:
        sum_failed(t, SUM_D)
    summ.conds["PodScheduled"]["message"] = SUM_D
    summ.snap(at(30, 36, 200))

    # image GC on the full node (every 5 minutes; ImageGCFailed only once it failed twice in a row)
    gc_failed(at(11, 5), 5347738419, False)
    gc_failed(at(16, 5), 5352891187, True)
    gc_failed(at(21, 5), 5355011645, True)
    gc_failed(at(26, 5), 5359347302, True)
    for t in [at(5), at(15), at(20), at(25)]:
        node_heartbeat("ip-10-0-2-87.ec2.internal", t)
    # 10:30:30 the on-call engineer prunes containerd content and grows the root volume to 100Gi: pressure clears
    n = NODES[DISK_NODE]
    rec = at(30, 30)
    n["spec"]["taints"] = [t for t in n["spec"]["taints"] if t["key"] != "node.kubernetes.io/disk-pressure"]
    n["status"]["capacity"]["ephemeral-storage"] = f"{100 * 1048576 - 12308}Ki"
    n["status"]["allocatable"]["ephemeral-storage"] = str(int((100 * 1048576 - 12308) * 1024 * 0.9) - 1024 ** 3)
    n["status"]["conditions"] = node_conditions(rec, at(-3 * 1440), False, True, rec)
    emit(rec, "MODIFIED", n)
    node_event(rec + timedelta(seconds=1), "Normal", "NodeHasNoDiskPressure", f"Node {DISK_NODE} status is now: NodeHasNoDiskPressure")

    # recovery: triton and vllm-llama3 pull and start
    kubelet(at(31, 7), "inference", triton.name, "Normal", "Pulling", f'Pulling image "{TRITON_IMAGE}"', DISK_NODE, "triton")
    kubelet(at(33, 12), "inference", triton.name, "Normal", "Pulled", pulled_msg(TRITON_IMAGE, 125.304, 12876591323), DISK_NODE, "triton")
    kubelet(at(33, 12), "inference", triton.name, "Normal", "Created", "Created container: triton", DISK_NODE, "triton")
    kubelet(at(33, 13), "inference", triton.name, "Normal", "Started", "Started container triton", DISK_NODE, "triton")
    triton.phase = "Running"
    triton.cstate["triton"] = running(triton, "triton", at(33, 13), ready=False)
    triton.snap(at(33, 13, 500))
    triton.cstate["triton"] = running(triton, "triton", at(33, 13), ready=True)
    triton.cond("Ready", "True", at(33, 41))
    triton.cond("ContainersReady", "True", at(33, 41))
    triton.snap(at(33, 41))
    triton_rs["status"].update({"replicas": 1, "fullyLabeledReplicas": 1, "readyReplicas": 1, "availableReplicas": 1})
    emit(at(33, 41, 200), "MODIFIED", triton_rs)

    kubelet(at(31, 50), "inference", llama.name, "Normal", "Pulling", f'Pulling image "{LLAMA_IMAGE}"', DISK_NODE, "vllm")
    kubelet(at(33, 47), "inference", llama.name, "Normal", "Pulled", pulled_msg(LLAMA_IMAGE, 116.842, 8935127340), DISK_NODE, "vllm")
    kubelet(at(33, 47), "inference", llama.name, "Normal", "Created", "Created container: vllm", DISK_NODE, "vllm")
    kubelet(at(33, 48), "inference", llama.name, "Normal", "Started", "Started container vllm", DISK_NODE, "vllm")
    llama.phase = "Running"
    llama.cstate["vllm"] = running(llama, "vllm", at(33, 48), ready=False)
    llama.cstate["vllm"]["started"] = False
    llama.snap(at(33, 48, 400))
    # the startup probe gives the model 10 minutes; it is up after ~3 minutes (no restarts)
    llama.cstate["vllm"] = running(llama, "vllm", at(33, 48), ready=True)
    llama.cond("Ready", "True", at(36, 58))
    llama.cond("ContainersReady", "True", at(36, 58))
    llama.snap(at(36, 58))

    # embedding-worker: OOMKilled repeatedly; restarts 1 -> 7; no OOM event exists, only the snapshots say OOMKilled
    ENODE = "ip-10-0-2-87.ec2.internal"
    starts = [at(-1300, 20)]
    ooms = [(at(12, 40), 0), (at(15, 10), 10), (at(18, 0), 20), (at(22, 30), 40), (at(27, 50), 80), (at(35, 0), 160), (at(42, 10), 300)]
    for r, (oom_t, backoff) in enumerate(ooms, start=1):
        prev_start = starts[-1]
        last = terminated(emb, "embedding-worker", "OOMKilled", 137, prev_start, oom_t, r - 1)
        emb.cond("Ready", "False", oom_t, "ContainersNotReady", "containers with unready status: [embedding-worker]")
        emb.cond("ContainersReady", "False", oom_t, "ContainersNotReady", "containers with unready status: [embedding-worker]")
        if backoff == 0:
            new_start = oom_t + timedelta(seconds=1)
        else:
            emb.cstate["embedding-worker"] = {
                "state": waiting("CrashLoopBackOff",
                                 f"back-off {go_duration(backoff)} restarting failed container=embedding-worker pod={emb.name}_inference({emb.uid})"),
                "last": last, "restarts": r - 1, "imageID": image_id(emb.images["embedding-worker"])}
            emb.snap(oom_t + timedelta(milliseconds=700))
            new_start = oom_t + timedelta(seconds=backoff + 1)
            b = oom_t + timedelta(seconds=1)
            while b < new_start and b < at(45):
                kubelet(b, "inference", emb.name, "Warning", "BackOff", EMB_BACKOFF, ENODE, "embedding-worker")
                b += timedelta(seconds=max(15, backoff // 3))
        if new_start > at(45):
            break
        kubelet(new_start - timedelta(milliseconds=300), "inference", emb.name, "Normal", "Pulled",
                f'Container image "{emb.images["embedding-worker"]}" already present on machine', ENODE, "embedding-worker")
        kubelet(new_start - timedelta(milliseconds=200), "inference", emb.name, "Normal", "Created",
                "Created container: embedding-worker", ENODE, "embedding-worker")
        kubelet(new_start, "inference", emb.name, "Normal", "Started", "Started container embedding-worker", ENODE, "embedding-worker")
        emb.cstate["embedding-worker"] = running(emb, "embedding-worker", new_start, ready=False, restarts=r, last=last)
        emb.snap(new_start + timedelta(milliseconds=500))
        ready_t = new_start + timedelta(seconds=40)
        if ready_t < at(45) and (r >= len(ooms) or ooms[r][0] > ready_t):
            emb.cstate["embedding-worker"] = running(emb, "embedding-worker", new_start, ready=True, restarts=r, last=last)
            emb.cond("Ready", "True", ready_t)
            emb.cond("ContainersReady", "True", ready_t)
            emb.snap(ready_t)
        starts.append(new_start)

    # triton-ensemble: quota refuses every Pod; Deployment ReplicaFailure=True
    ens_t = at(14)
    ens_template = {"metadata": {"labels": {"app": "triton-ensemble", "pod-template-hash": "6c8d9b7f5d"}},
                    "spec": {"containers": [{"name": "triton", "image": TRITON_IMAGE,
                                             "args": ["tritonserver", "--model-repository=s3://prod-models-us-east-1/triton/ensemble"],
                                             "resources": resources("4", "16Gi", 1, "24Gi")}],
                             "nodeSelector": {"accelerator": "nvidia"}}}
    fail_cond = [{"type": "ReplicaFailure", "status": "True", "lastTransitionTime": ts(ens_t + timedelta(milliseconds=60)),
                  "reason": "FailedCreate", "message": QUOTA_MSG}]
    ens_rs = replicaset_obj("inference", "triton-ensemble", ENS_RS, 1, 0, ens_t, "6c8d9b7f5d", ens_template)
    ens_rs["status"] = {"replicas": 0, "observedGeneration": 1}
    emit(ens_t, "ADDED", ens_rs)
    dep_conds = [
        {"type": "Available", "status": "False", "lastUpdateTime": ts(ens_t), "lastTransitionTime": ts(ens_t),
         "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability."},
        {"type": "Progressing", "status": "True", "lastUpdateTime": ts(ens_t), "lastTransitionTime": ts(ens_t),
         "reason": "ReplicaSetUpdated", "message": f'ReplicaSet "{ENS_RS}" is progressing.'},
    ]
    dep = deployment_obj("inference", "triton-ensemble", 1, {"app": "triton-ensemble", "team": "inference-platform"}, ens_t,
                         dep_conds, {"replicas": 0, "unavailableReplicas": 1})
    dep["spec"]["template"] = ens_template
    dep["spec"]["selector"] = {"matchLabels": {"app": "triton-ensemble"}}
    emit(ens_t, "ADDED", dep)
    event(ens_t, "Deployment", "inference", "triton-ensemble", "Normal", "ScalingReplicaSet",
          f"Scaled up replica set {ENS_RS} from 0 to 1", "deployment-controller")
    fc_times = [ens_t + timedelta(milliseconds=x) for x in (40, 70, 120, 250, 520, 1060)] + \
               [ens_t + timedelta(seconds=x) for x in (2.2, 4.4, 8.9, 17.8)]
    for t in fc_times:
        event(t, "ReplicaSet", "inference", ENS_RS, "Warning", "FailedCreate", f"Error creating: {QUOTA_MSG}", "replicaset-controller")
    ens_rs["status"]["conditions"] = fail_cond
    emit(ens_t + timedelta(milliseconds=60), "MODIFIED", ens_rs)
    dep["status"]["conditions"] = dep_conds + [
        {"type": "ReplicaFailure", "status": "True", "lastUpdateTime": ts(ens_t + timedelta(milliseconds=80)),
         "lastTransitionTime": ts(ens_t + timedelta(milliseconds=80)), "reason": "FailedCreate", "message": QUOTA_MSG}]
    emit(ens_t + timedelta(milliseconds=80), "MODIFIED", dep)
    # the ReplicaSet controller keeps retrying with its rate limiter (capped): the same event's count grows
    t = ens_t + timedelta(seconds=35.6)
    step = 71.2
    while t < at(45):
        event(t, "ReplicaSet", "inference", ENS_RS, "Warning", "FailedCreate", f"Error creating: {QUOTA_MSG}", "replicaset-controller")
        t += timedelta(seconds=step)
        step = min(step * 2, 300)
    # after progressDeadlineSeconds the Deployment also reports ProgressDeadlineExceeded
    pde = ens_t + timedelta(seconds=600)
    dep["status"]["conditions"][1] = {"type": "Progressing", "status": "False", "lastUpdateTime": ts(pde),
                                      "lastTransitionTime": ts(pde), "reason": "ProgressDeadlineExceeded",
                                      "message": f'ReplicaSet "{ENS_RS}" has timed out progressing.'}
    emit(pde, "MODIFIED", dep)

    # healthy noise: a CronJob run at 10:15 and 10:30
    for minute in (15, 30):
        cron_run(at(minute))

    # healthy noise: a CPU batch job waits 42 s for a node the cluster-autoscaler adds
    autoscaler_scale_up()


def cron_run(t):
    ns, cj = "monitoring", "gpu-usage-report"
    OBJ_UIDS[("CronJob", ns, cj)] = uid("CronJob", ns, cj)
    jname = f"{cj}-{int(t.timestamp() // 60)}"
    old = f"{cj}-{int(t.timestamp() // 60) - 45}"
    job = job_obj(ns, jname, t, owner_cronjob=cj, labels={"app": "gpu-usage-report"})
    emit(t, "ADDED", job)
    event(t, "CronJob", ns, cj, "Normal", "SuccessfulCreate", f"Created job {jname}", "cronjob-controller")
    p = Pod(ns, f"{jname}-{h(jname)}", "Job", jname, t + timedelta(milliseconds=30),
            [{"name": "report", "image": "public.ecr.aws/docker/library/python:3.12-slim",
              "command": ["python", "/scripts/gpu_usage_report.py"], "resources": resources("100m", "256Mi")}],
            restart="OnFailure", labels={"batch.kubernetes.io/job-name": jname, "job-name": jname,
                                         "batch.kubernetes.io/controller-uid": uid("Job", ns, jname),
                                         "controller-uid": uid("Job", ns, jname)}, ip="10.0.2.122")
    event(t + timedelta(milliseconds=30), "Job", ns, jname, "Normal", "SuccessfulCreate", f"Created pod: {p.name}", "job-controller")
    p.snap(t + timedelta(milliseconds=30), "ADDED")
    nd = "ip-10-0-2-141.ec2.internal"
    p.bind(t + timedelta(milliseconds=70), nd)
    scheduled(t + timedelta(milliseconds=70), ns, p.name, nd)
    p.cond("PodReadyToStartContainers", "True", t + timedelta(seconds=1))
    p.cond("Initialized", "True", t)
    p.cond("Ready", "False", t, "ContainersNotReady", "containers with unready status: [report]")
    p.cond("ContainersReady", "False", t, "ContainersNotReady", "containers with unready status: [report]")
    p.cstate["report"] = {"state": waiting("ContainerCreating")}
    p.snap(t + timedelta(milliseconds=100))
    kubelet(t + timedelta(seconds=1), ns, p.name, "Normal", "Pulled",
            'Container image "public.ecr.aws/docker/library/python:3.12-slim" already present on machine', nd, "report")
    kubelet(t + timedelta(seconds=1), ns, p.name, "Normal", "Created", "Created container: report", nd, "report")
    kubelet(t + timedelta(seconds=1), ns, p.name, "Normal", "Started", "Started container report", nd, "report")
    p.phase = "Running"
    p.cstate["report"] = running(p, "report", t + timedelta(seconds=1), ready=True)
    p.cond("Ready", "True", t + timedelta(seconds=2))
    p.cond("ContainersReady", "True", t + timedelta(seconds=2))
    p.snap(t + timedelta(seconds=2))
    done = t + timedelta(seconds=14)
    p.phase = "Succeeded"
    p.cstate["report"] = {"state": terminated(p, "report", "Completed", 0, t + timedelta(seconds=1), done, 0),
                          "imageID": image_id(p.images["report"])}
    p.cond("Ready", "False", done, "PodCompleted")
    p.cond("ContainersReady", "False", done, "PodCompleted")
    p.cond("PodReadyToStartContainers", "False", done + timedelta(seconds=1))
    p.snap(done + timedelta(milliseconds=300))
    j2 = job_obj(ns, jname, t, owner_cronjob=cj, succeeded=1, completion_time=done + timedelta(seconds=1),
                 labels={"app": "gpu-usage-report"})
    emit(done + timedelta(seconds=1), "MODIFIED", j2)
    event(done + timedelta(seconds=1), "Job", ns, jname, "Normal", "Completed", "Job completed", "job-controller")
    event(done + timedelta(seconds=3), "CronJob", ns, cj, "Normal", "SawCompletedJob",
          f"Saw completed job: {jname}, status: Complete", "cronjob-controller")
    event(done + timedelta(seconds=3), "CronJob", ns, cj, "Normal", "SuccessfulDelete", f"Deleted job {old}", "cronjob-controller")


def autoscaler_scale_up():
    ns, jname = "ml-batch", "feature-backfill-20250314"
    t = at(23, 30)
    emit(t, "ADDED", job_obj(ns, jname, t, labels={"team": "data-eng"}))
    p = Pod(ns, f"{jname}-{h(jname)}", "Job", jname, t,
            [{"name": "backfill", "image": f"{ECR}/feature-pipeline:3.2.0", "command": ["python", "-m", "pipeline.backfill"],
              "resources": resources("12", "40Gi")}], restart="Never",
            labels={"batch.kubernetes.io/job-name": jname, "job-name": jname,
                    "batch.kubernetes.io/controller-uid": uid("Job", ns, jname), "controller-uid": uid("Job", ns, jname)},
            ip="10.0.3.219")
    event(t, "Job", ns, jname, "Normal", "SuccessfulCreate", f"Created pod: {p.name}", "job-controller")
    p.snap(t, "ADDED")
    msg = ("0/6 nodes are available: 3 Insufficient cpu, 3 node(s) had untolerated taint {nvidia.com/gpu: present}. "
           "preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, "
           "3 Preemption is not helpful for scheduling.")
    event_v1_series(t + timedelta(milliseconds=50), "Pod", ns, p.name, "Warning", "FailedScheduling", "Scheduling", msg,
                    "default-scheduler", SCHED)
    p.cond("PodScheduled", "False", t, "Unschedulable", msg)
    p.snap(t + timedelta(milliseconds=80))
    event(t + timedelta(seconds=8), "Pod", ns, p.name, "Normal", "TriggeredScaleUp",
          "pod triggered scale-up: [{eks-cpu-general-20250211-8ec6b1e2-5c1f-4c0e-9a3e-1f2b3c4d5e6f 3->4 (max: 10)}]",
          "cluster-autoscaler")
    new = node("ip-10-0-3-201.ec2.internal", "10.0.3.201", "us-east-1c", "m6i.4xlarge", 0, 80, at(24, 0), CPU_NG,
               extra_taints=[{"key": "node.kubernetes.io/not-ready", "effect": "NoSchedule"}])
    new["status"]["conditions"] = node_conditions(at(24, 0), at(24, 0), False, False)
    emit(at(24, 0), "ADDED", new)
    nn = new["metadata"]["name"]
    event(at(24, 1), "Node", None, nn, "Normal", "Starting", "Starting kubelet.", "kubelet", nn)
    event(at(24, 1), "Node", None, nn, "Normal", "RegisteredNode", f"Node {nn} event: Registered Node {nn} in Controller",
          "node-controller")
    new["spec"]["taints"] = []
    del new["spec"]["taints"]
    new["status"]["conditions"] = node_conditions(at(24, 5), at(24, 5), False, True)
    emit(at(24, 5), "MODIFIED", new)
    event(at(24, 5), "Node", None, nn, "Normal", "NodeReady", f"Node {nn} status is now: NodeReady", "kubelet", nn)
    st = at(24, 6)
    p.bind(st, nn)
    event_v1_series(st, "Pod", ns, p.name, "Normal", "Scheduled", "Binding",
                    f"Successfully assigned {ns}/{p.name} to {nn}", "default-scheduler", SCHED)
    p.cond("PodReadyToStartContainers", "False", st)
    p.cond("Initialized", "True", st)
    p.cond("Ready", "False", st, "ContainersNotReady", "containers with unready status: [backfill]")
    p.cond("ContainersReady", "False", st, "ContainersNotReady", "containers with unready status: [backfill]")
    p.cstate["backfill"] = {"state": waiting("ContainerCreating")}
    p.snap(st + timedelta(milliseconds=100))
    img = p.images["backfill"]
    kubelet(st + timedelta(seconds=4), ns, p.name, "Normal", "Pulling", f'Pulling image "{img}"', nn, "backfill")
    kubelet(st + timedelta(seconds=19), ns, p.name, "Normal", "Pulled", pulled_msg(img, 14.711, 812556019), nn, "backfill")
    kubelet(st + timedelta(seconds=19), ns, p.name, "Normal", "Created", "Created container: backfill", nn, "backfill")
    kubelet(st + timedelta(seconds=20), ns, p.name, "Normal", "Started", "Started container backfill", nn, "backfill")
    p.phase = "Running"
    p.cond("PodReadyToStartContainers", "True", st + timedelta(seconds=3))
    p.cstate["backfill"] = running(p, "backfill", st + timedelta(seconds=20), ready=True)
    p.cond("Ready", "True", st + timedelta(seconds=20))
    p.cond("ContainersReady", "True", st + timedelta(seconds=20))
    p.snap(st + timedelta(seconds=20, milliseconds=400))
    done = at(29, 41)
    p.phase = "Succeeded"
    p.cstate["backfill"] = {"state": terminated(p, "backfill", "Completed", 0, st + timedelta(seconds=20), done, 0),
                            "imageID": image_id(img)}
    p.cond("Ready", "False", done, "PodCompleted")
    p.cond("ContainersReady", "False", done, "PodCompleted")
    p.snap(done + timedelta(milliseconds=400))
    emit(done + timedelta(seconds=1), "MODIFIED", job_obj(ns, jname, t, succeeded=1, completion_time=done + timedelta(seconds=1),
                                                         labels={"team": "data-eng"}))
    event(done + timedelta(seconds=1), "Job", ns, jname, "Normal", "Completed", "Job completed", "job-controller")


story()

END = at(45)
records.sort(key=lambda r: (r[0], r[1]))
# every record's resourceVersion must grow in file order, like a real watch
_rv[0] = 4518230
out = ["" for _ in records]
with open("samples/gpu-inference-outage.jsonl", "w") as f:
    f.write(json.dumps({"format": "incidents-recording", "version": 1, "cluster": CLUSTER, "startedAt": ts(T0)},
                       separators=(",", ":")) + "\n")
    for t, _, type_, obj in records:
        if t > END:
            continue
        if type_ != "DELETED":
            obj["metadata"]["resourceVersion"] = rv()
        tt = t.strftime("%Y-%m-%dT%H:%M:%S")
        if t.microsecond:
            tt += f".{t.microsecond // 1000:03d}"
        f.write(json.dumps({"time": tt + "Z", "type": type_, "object": obj}, separators=(",", ":")) + "\n")
print(len([r for r in records if r[0] <= END]), "records")
