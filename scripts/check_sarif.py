#!/usr/bin/env python3
"""Validates SARIF files against the OASIS SARIF 2.1.0 JSON schema and checks what alinea
promises beyond the schema: rule metadata with help text, every result with a rule known to
the driver and a location with a region, and at least one fix when asked.

The schema is not shipped in the repository (its OASIS licence is not an open-source one):
give its path, e.g. the copy the `serde-sarif` crate carries (`.ci/run` fetches that crate
with cargo and passes its `src/schema.json`).

Usage: scripts/check_sarif.py SCHEMA FILE.sarif… [--want-fix]
"""

import json
import sys

import jsonschema


def main(argv):
    want_fix = "--want-fix" in argv
    args = [a for a in argv if a != "--want-fix"]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    bad = 0
    for path in args[1:]:
        with open(path, encoding="utf-8") as f:
            log = json.load(f)
        errors = list(validator.iter_errors(log))
        for e in errors[:20]:
            print(f"{path}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
        problems = []
        fixes = 0
        for run in log.get("runs", []):
            rules = run["tool"]["driver"].get("rules", [])
            ids = [r["id"] for r in rules]
            for r in rules:
                if not r.get("help", {}).get("text") or not r.get("shortDescription", {}).get("text"):
                    problems.append(f"rule {r['id']} has no help or short description")
            for res in run.get("results", []):
                if res.get("ruleId") not in ids or ids.index(res["ruleId"]) != res.get("ruleIndex"):
                    problems.append(f"result of {res.get('ruleId')} does not point at its rule")
                locs = res.get("locations", [])
                if not locs or "region" not in locs[0].get("physicalLocation", {}):
                    problems.append(f"result of {res.get('ruleId')} has no region")
                fixes += len(res.get("fixes", []))
        if want_fix and fixes == 0:
            problems.append("no fix in the log")
        for p in problems:
            print(f"{path}: {p}")
        if errors or problems:
            bad += 1
        else:
            n = sum(len(r.get("results", [])) for r in log.get("runs", []))
            print(f"{path}: valid SARIF 2.1.0, {n} results, {fixes} fixes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
