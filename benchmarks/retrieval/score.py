#!/usr/bin/env python3
"""Score `procrun find` on the frozen retrieval set, next to two baselines.

    python3 benchmarks/retrieval/score.py [--procrun PATH] [--json] [--misses]

Systems, all run in the same invocation over the same library and queries:

  procrun       `PATH find --json --limit 3 --no-cache --library library/ QUERY`
                (exit 0: matches; exit 1: nothing fits; exit 2 or anything else: an error,
                printed and counted as a miss)
  bm25          rank_bm25.BM25Okapi over lowercase [a-z0-9]+ tokens of each procedure's
                name (underscores split), description and tags; always answers its top 3
  find_similar  the seed article's `find_similar` (threshold 2 shared words), reimplemented
                as the article writes it: whitespace-split lowercase words of the
                *description only*, results sorted by success_rate (stable)
  find_similar+ the same function fed name (underscores split), description and tags

The script reports; it never asserts. It exits 0.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
LIBRARY = os.path.join(HERE, "library")
QUERIES = os.path.join(HERE, "queries.jsonl")
KINDS = ["plain", "paraphrase", "long", "abbreviation", "typo", "sibling"]


def ensure_rank_bm25():
    try:
        import rank_bm25  # noqa: F401
        return
    except ImportError:
        pass
    base = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for extra in ([], ["--user"], ["--break-system-packages"], ["--user", "--break-system-packages"]):
        r = subprocess.run(base + extra + ["rank_bm25"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            break
    import importlib
    import site
    importlib.invalidate_caches()
    user_site = site.getusersitepackages()
    if isinstance(user_site, str) and user_site not in sys.path and os.path.isdir(user_site):
        sys.path.append(user_site)
    import rank_bm25  # noqa: F401  (fails loudly if it could not be installed)


def load_library():
    import yaml
    procs = []
    for fn in sorted(os.listdir(LIBRARY)):
        if not fn.endswith((".yaml", ".yml")) or fn == "procrun.yaml" or fn.startswith("."):
            continue
        with open(os.path.join(LIBRARY, fn), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        stats = doc.get("stats") or {}
        procs.append({
            "name": str(doc["name"]),
            "description": str(doc.get("description") or ""),
            "tags": [str(t) for t in (doc.get("tags") or [])],
            "success_rate": float(stats.get("success_rate", 0.0) or 0.0),
        })
    return procs


def load_queries():
    with open(QUERIES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- systems ---------------------------------------------------------------------------------

TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text):
    return TOKEN.findall(text.lower())


class BM25Baseline:
    def __init__(self, procs):
        from rank_bm25 import BM25Okapi
        self.names = [p["name"] for p in procs]
        corpus = [tokens(p["name"].replace("_", " ") + " " + p["description"] + " " + " ".join(p["tags"]))
                  for p in procs]
        self.bm25 = BM25Okapi(corpus)

    def find(self, query):
        scores = self.bm25.get_scores(tokens(query))
        order = sorted(range(len(scores)), key=lambda i: -scores[i])  # stable: file order on ties
        return [self.names[i] for i in order[:3]]


class FindSimilar:
    """The article's find_similar, word for word:

        query_words = set(description.lower().split())
        proc_words = set(proc.description.lower().split())
        overlap = len(query_words & proc_words); keep if overlap >= threshold (2)
        results.sort(key=lambda p: p.success_rate, reverse=True)
    """

    def __init__(self, procs, fields="description", threshold=2):
        self.threshold = threshold
        self.procs = []
        for p in procs:  # insertion order = file order, as a dict of procedures would keep it
            if fields == "description":
                text = p["description"]
            else:
                text = p["name"].replace("_", " ") + " " + p["description"] + " " + " ".join(p["tags"])
            self.procs.append((p["name"], set(text.lower().split()), p["success_rate"]))

    def find(self, query):
        query_words = set(query.lower().split())
        results = [(name, rate) for name, words, rate in self.procs
                   if len(query_words & words) >= self.threshold]
        results.sort(key=lambda r: r[1], reverse=True)
        return [name for name, _ in results[:3]]


class Procrun:
    def __init__(self, path):
        self.path = path
        self.errors = 0

    def find(self, query):
        cmd = [self.path, "find", "--json", "--limit", "3", "--no-cache", "--library", LIBRARY, query]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            self.errors += 1
            print(f"procrun error on {query!r}: {e}", file=sys.stderr)
            return None
        if r.returncode == 1:
            return []
        if r.returncode != 0:
            self.errors += 1
            print(f"procrun exit {r.returncode} on {query!r}: {r.stderr.strip()}", file=sys.stderr)
            return None
        try:
            data = json.loads(r.stdout)
            return [str(m["name"]) for m in data.get("matches", [])][:3]
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            self.errors += 1
            print(f"procrun printed unreadable JSON on {query!r}: {e}", file=sys.stderr)
            return None


# --- scoring ---------------------------------------------------------------------------------

def score(answers, queries):
    """answers[i]: list of names (possibly empty = nothing fits) or None (error)."""
    ans = [(q, a) for q, a in zip(queries, answers) if q["expected"] is not None]
    una = [(q, a) for q, a in zip(queries, answers) if q["expected"] is None]

    def rank(q, a):
        if a and q["expected"] in a:
            return a.index(q["expected"]) + 1
        return math.inf

    ranks = [rank(q, a) for q, a in ans]
    n = len(ans) or 1
    out = {
        "recall@1": sum(r == 1 for r in ranks) / n,
        "recall@3": sum(r <= 3 for r in ranks) / n,
        "mrr": sum(0 if r == math.inf else 1 / r for r in ranks) / n,
        "nothing_fits_answerable": sum(a == [] for _, a in ans) / n,
        "nothing_fits_unanswerable": sum(a == [] for _, a in una) / (len(una) or 1),
        "errors": sum(a is None for a in answers),
        "per_kind_recall@1": {},
    }
    for kind in KINDS:
        ks = [r for (q, _), r in zip(ans, ranks) if q.get("kind") == kind]
        if ks:
            out["per_kind_recall@1"][kind] = sum(r == 1 for r in ks) / len(ks)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--procrun", default=".build/debug/procrun",
                    help="the procrun binary (default: .build/debug/procrun of the repository)")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead of tables")
    ap.add_argument("--misses", action="store_true", help="list procrun's misses")
    args = ap.parse_args()

    path = args.procrun
    if not os.path.isabs(path):
        given = os.path.abspath(path)
        path = given if os.path.exists(given) and args.procrun != ap.get_default("procrun") \
            else os.path.join(REPO, path)

    ensure_rank_bm25()
    procs = load_library()
    queries = load_queries()
    pr = Procrun(path)
    systems = {
        "procrun": pr.find,
        "bm25": BM25Baseline(procs).find,
        "find_similar": FindSimilar(procs, "description").find,
        "find_similar+": FindSimilar(procs, "all").find,
    }
    answers = {name: [f(q["query"]) for q in queries] for name, f in systems.items()}
    results = {name: score(a, queries) for name, a in answers.items()}

    n_ans = sum(q["expected"] is not None for q in queries)
    kinds = {}
    for q in queries:
        kinds[q.get("kind", "?")] = kinds.get(q.get("kind", "?"), 0) + 1
    misses = []
    for q, a in zip(queries, answers["procrun"]):
        if q["expected"] is not None and not (a and a[0] == q["expected"]):
            misses.append({"query": q["query"], "expected": q["expected"], "kind": q["kind"], "got": a})
        elif q["expected"] is None and a != []:
            misses.append({"query": q["query"], "expected": None, "kind": q["kind"], "got": a})

    if args.json:
        summary = {"procedures": len(procs), "queries": len(queries), "answerable": n_ans,
                   "unanswerable": len(queries) - n_ans, "kinds": kinds, "procrun": path,
                   "systems": results}
        if args.misses:
            summary["procrun_misses"] = misses
        print(json.dumps(summary, indent=2))
        return 0

    print(f"{len(procs)} procedures, {len(queries)} queries "
          f"({n_ans} answerable, {len(queries) - n_ans} with no fitting procedure)\n")
    print("| system | recall@1 | recall@3 | MRR | nothing fits (answerable) | nothing fits (unanswerable) | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(f"| {name} | {r['recall@1']:.3f} | {r['recall@3']:.3f} | {r['mrr']:.3f} | "
              f"{r['nothing_fits_answerable']:.3f} | {r['nothing_fits_unanswerable']:.3f} | {r['errors']} |")
    print("\nrecall@1 per kind of query:\n")
    print("| kind | queries | " + " | ".join(results) + " |")
    print("| --- | --- |" + " --- |" * len(results))
    for kind in KINDS:
        if kind in results["procrun"]["per_kind_recall@1"]:
            cells = " | ".join(f"{results[s]['per_kind_recall@1'][kind]:.3f}" for s in results)
            print(f"| {kind} | {kinds.get(kind, 0)} | {cells} |")
    if args.misses:
        print(f"\nprocrun misses ({len(misses)}):\n")
        for m in misses:
            got = "ERROR" if m["got"] is None else (", ".join(m["got"]) or "nothing fits")
            print(f"- [{m['kind']}] {m['query']!r}: expected {m['expected'] or 'nothing fits'}, got {got}")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # report, never assert
        print(f"score.py: {type(e).__name__}: {e}", file=sys.stderr)
    sys.exit(0)
