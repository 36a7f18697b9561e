#!/usr/bin/env python3
"""Writes gpu-inference-outage/: the last state of samples/gpu-inference-outage.jsonl laid out as a Troubleshoot
support bundle (clusterResources collector): cluster-resources/<resource>/<namespace>.json and nodes.json, each the
JSON array of the List's items as client-go returns them (no kind/apiVersion on items), indented like Go's
json.MarshalIndent; plus files a bundle also has that the reader must leave alone (errors, services, logs).
Run from this directory: python3 make_gpu_inference_outage_bundle.py"""
import json
import os
import shutil

SAMPLE = os.path.join("..", "..", "..", "..", "..", "samples", "gpu-inference-outage.jsonl")
OUT = os.path.join("gpu-inference-outage", "cluster-resources")
DIRS = {"Event": "events", "Pod": "pods", "ReplicaSet": "replicasets", "Deployment": "deployments", "Job": "jobs"}

latest = {}
with open(SAMPLE) as f:
    for line in f:
        record = json.loads(line)
        if "object" not in record:
            continue
        obj = record["object"]
        key = (obj["kind"], obj["metadata"].get("namespace"), obj["metadata"]["name"])
        if record["type"] == "DELETED":
            latest.pop(key, None)
        else:
            latest[key] = obj

files = {}
for (kind, namespace, _), obj in sorted(latest.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2])):
    item = {k: v for k, v in obj.items() if k not in ("kind", "apiVersion")}
    path = "nodes.json" if kind == "Node" else os.path.join(DIRS[kind], namespace + ".json")
    files.setdefault(path, []).append(item)

shutil.rmtree("gpu-inference-outage", ignore_errors=True)
for path, items in files.items():
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        json.dump(items, f, indent=2)
extras = {
    "pods-errors.json": "{}",
    "namespaces.json": json.dumps([{"metadata": {"name": ns}} for ns in sorted({k[1] for k in latest if k[1]})], indent=2),
    "services/inference.json": "[]",
    "pods/logs/inference/triton-79569cfbbc-m2wcc/triton.log": "I0314 10:02:00.000000 1 server.cc:592] loading model\n",
}
for path, text in extras.items():
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)
with open(os.path.join("gpu-inference-outage", "version.yaml"), "w") as f:
    f.write("apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: 0.72.0\n")
