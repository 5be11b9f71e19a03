#!/usr/bin/env python3
"""Benchmarks of the archive (`minutes index`, `minutes search`), measured in one run.

    python benchmarks/archive.py                  # everything; 1,000,000 generated items (several minutes)
    python benchmarks/archive.py --items 100000   # a smaller generated index
    python benchmarks/archive.py --skip-generated # only throughput, size and memory on real files

1. Index throughput: `minutes index` against `minutes extract -f jsonl` on the same
   files (the repository's fixtures, copied N times into a temporary folder), each
   a fresh command, 1 and 2 workers, side by side, best of 3; documents/s.
2. Database size per 1,000 items of that index (after a WAL checkpoint).
3. Memory: peak RSS of `minutes index --workers 1` over N and 10N files, each in a
   fresh process (ru_maxrss of the child, read by a launcher process).
4. Search latency over an index of generated items (default 1,000,000), written
   straight into the archive's tables in a temporary folder: the words of the
   fixtures drawn with Zipf-like frequencies into titles and bodies, meetings
   spread over committees, municipalities, years and outcomes. Median and p95 of
   one-word queries with one filter each, through `minutes_cli.archive.search`
   (the call `minutes search` makes), plus the size of that database.

Prints a Markdown table and writes benchmarks/out/archive.json. Figures are noisy on a shared
machine: the load average is printed at start and end.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURES = REPO / "fixtures"
OUT_DIR = HERE / "out"
SUFFIXES = (".txt", ".html", ".pdf")

# Generated items: words per title and per body (about 330 characters of body: a short item; real
# ones average 3 KB, which would make generating 1,000,000 take an hour on this shared machine).
TITLE_WORDS = 7
BODY_WORDS = 45
ITEMS_PER_DOCUMENT = 10
ROWS_PER_TRANSACTION = 20_000
GOAL_P95_MS = 200.0
REPEATS = 3  # throughput runs per command: the best counts (this machine is shared)

# Meeting fields of the generated items.
COMMITTEES = ["Økonomiudvalget", "Byrådet", "Børne- og Skoleudvalget", "Teknik- og Miljøudvalget",
              "Social- og Sundhedsudvalget", "Kultur- og Fritidsudvalget", "Beskæftigelsesudvalget",
              "Ældreudvalget", "Klima- og Planudvalget", "Erhvervsudvalget", "Regionsrådet",
              "Forretningsudvalget"]
OUTCOMES = ["approved"] * 6 + ["recommended"] * 2 + ["noted"] * 3 + ["rejected", "postponed", "other"]
MUNICIPALITIES = ["Aarhus Kommune", "Ballerup Kommune", "Gladsaxe Kommune", "Herning Kommune", "Esbjerg Kommune",
                  "Vejle Kommune", "Syddjurs Kommune", "Lemvig Kommune", "Tønder Kommune", "Region Midtjylland"]

# Query words for the latency runs: every word of the fixtures in this range of frequency
# ranks (rank 1 is the most frequent), so queries range from common to rare.
QUERY_RANKS = (30, 3000)
QUERIES = 120


def load() -> str:
    """The load average now, as the three figures uptime prints."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def minutes(*args: str) -> float:
    """Run the minutes command; wall seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "minutes_cli", *args], check=False, cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def copy_fixtures(target: Path, copies: int) -> int:
    """Copy the fixture documents `copies` times into target; the number of files."""
    files = sorted(p for p in FIXTURES.iterdir() if p.suffix in SUFFIXES)
    for n in range(copies):
        folder = target / f"copy{n:03d}"
        folder.mkdir(parents=True)
        for file in files:
            shutil.copy(file, folder / file.name)
    return copies * len(files)


def db_size(path: Path) -> int:
    """Bytes of a database file after its WAL is folded in."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.stat().st_size


def throughput(work: Path, copies: int) -> dict[str, Any]:
    """Documents/s of index and extract on the same files, 1 and 2 workers."""
    files = copy_fixtures(work / "docs", copies)
    result: dict[str, Any] = {"files": files}
    for workers in (1, 2):
        extract = index = float("inf")
        for repeat in range(REPEATS):  # best of REPEATS, alternating, each index into a new database
            extract = min(extract, minutes("extract", "-r", str(work / "docs"), "-f", "jsonl", "-o",
                                           str(work / "out.jsonl"), "-j", str(workers), "-q"))
            db = work / f"t{workers}-{repeat}.db"
            index = min(index, minutes("index", str(work / "docs"), "--db", str(db), "-j", str(workers), "-q"))
        again = minutes("index", str(work / "docs"), "--db", str(db), "-j", str(workers), "-q")
        result[f"workers{workers}"] = {"extract_s": extract, "index_s": index, "reindex_unchanged_s": again,
                                       "extract_docs_per_s": files / extract, "index_docs_per_s": files / index}
    with sqlite3.connect(work / "t1-0.db") as conn:
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    size = db_size(work / "t1-0.db")
    input_bytes = sum(p.stat().st_size for p in (work / "docs").rglob("*") if p.is_file())
    result.update(items=items, db_bytes=size, input_bytes=input_bytes, bytes_per_1000_items=size / items * 1000)
    return result


RSS_LAUNCHER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def memory(work: Path, copies: int) -> dict[str, Any]:
    """Peak RSS (MB) of one `minutes index --workers 1` process over N and 10N files."""
    result: dict[str, Any] = {}
    for factor in (1, 10):
        folder = work / f"mem{factor}"
        files = copy_fixtures(folder, copies * factor)
        db = work / f"mem{factor}.db"
        command = [sys.executable, "-m", "minutes_cli", "index", str(folder), "--db", str(db), "-j", "1", "-q"]
        out = subprocess.run([sys.executable, "-c", RSS_LAUNCHER, *command], capture_output=True, text=True,
                             cwd=REPO, check=True)
        result[f"files_{files}"] = int(out.stdout.strip()) / 1024
    return result


def vocabulary() -> list[str]:
    """The words of the fixtures, most frequent first (text files and expected JSON of every layout)."""
    counts: dict[str, int] = {}
    for path in sorted(FIXTURES.glob("expected/*.json")):
        for word in re.findall(r"[^\W\d_]{2,}", path.read_text(encoding="utf-8")):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


def generate(db_path: Path, items: int, seed: int = 14) -> float:
    """Write `items` generated items (and their documents) into a new archive; seconds taken."""
    sys.path.insert(0, str(REPO))
    from minutes_cli.archive.schema import connect

    started = time.perf_counter()
    words = vocabulary()
    weights = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(words))))  # Zipf-like, flat top
    rng = random.Random(seed)
    db = connect(str(db_path))
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache while loading
    # one full-text pass over all rows at the end is several times faster than the triggers' row-by-row
    # updates (which merge index segments all along); the triggers come back afterwards
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'items'"
                            ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    document_id = 0
    for start in range(0, items, ROWS_PER_TRANSACTION):
        conn.execute("BEGIN")
        documents, rows = [], []
        for n in range(start, min(items, start + ROWS_PER_TRANSACTION)):
            if n % ITEMS_PER_DOCUMENT == 0:
                document_id += 1
                year = rng.randint(2005, 2025)
                date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                committee, municipality = rng.choice(COMMITTEES), rng.choice(MUNICIPALITIES)
                documents.append((document_id, f"/archive/{document_id}.pdf", f"{document_id:064x}", "pdf",
                                  municipality, committee, "minutes", date, ITEMS_PER_DOCUMENT, "[]", "2026-01-01"))
            text = rng.choices(words, cum_weights=weights, k=TITLE_WORDS + BODY_WORDS)
            title = " ".join(text[:TITLE_WORDS]).capitalize()
            body = " ".join(text[TITLE_WORDS:]).capitalize() + "."
            amount = rng.choice([None, None, rng.randint(1, 500) * 10_000.0])
            rows.append((document_id, n % ITEMS_PER_DOCUMENT, str(n % ITEMS_PER_DOCUMENT + 1), title,
                         int(rng.random() < 0.05), rng.choice(OUTCOMES), municipality, committee, date, year,
                         "minutes", amount, body))
        conn.executemany("INSERT INTO documents (id, path, sha256, format, municipality, committee, kind, date, "
                         "items, warnings, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", documents)
        conn.executemany("INSERT INTO items (document_id, position, number, title, closed, decision_outcome, "
                         "municipality, committee, date, year, kind, max_amount, body) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
        print(f"  generated {min(items, start + ROWS_PER_TRANSACTION):,} items", file=sys.stderr)
    print("  building the full-text index", file=sys.stderr)
    conn.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    for _, sql in triggers:
        conn.execute(sql)
    db.close()
    return time.perf_counter() - started


def latency(db_path: Path, seed: int = 15) -> dict[str, Any]:
    """Median and p95 (ms) of one-word searches with one filter each, and without a filter."""
    sys.path.insert(0, str(REPO))
    from minutes_cli.archive.schema import connect
    from minutes_cli.archive.search import Filters, search

    rng = random.Random(seed)
    # words the trigram index can find (a shorter one is a scan of every item, documented as slow)
    words = [w for w in vocabulary()[QUERY_RANKS[0]:QUERY_RANKS[1]] if len(w) >= 3]
    filters = [Filters(committee="skoleudvalget"), Filters(outcome="rejected"), Filters(since="2024"),
               Filters(municipality="ballerup"), Filters(min_amount=4_000_000), Filters(closed=True)]
    db = connect(str(db_path))
    search(db, "budget", Filters(since="2020"))  # warm the page cache once
    runs: dict[str, list[float]] = {"one word, one filter": [], "one word, no filter": [],
                                    "two words, one filter": []}
    hits: list[int] = []
    for n in range(QUERIES):
        word, other = rng.choice(words), rng.choice(words)
        for label, query, chosen in (("one word, one filter", word, filters[n % len(filters)]),
                                     ("one word, no filter", word, Filters()),
                                     ("two words, one filter", f"{word} {other}", filters[n % len(filters)])):
            started = time.perf_counter()
            found = search(db, query, chosen, limit=20)
            runs[label].append((time.perf_counter() - started) * 1000)
            if label == "one word, one filter":
                hits.append(len(found))
    db.close()
    result: dict[str, Any] = {}
    for label, times in runs.items():
        times.sort()
        result[label] = {"median_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95) - 1],
                         "max_ms": times[-1], "queries": len(times)}
    result["queries_with_20_hits"] = sum(h == 20 for h in hits)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000, help="generated items for the latency index")
    parser.add_argument("--copies", type=int, default=4, help="copies of the fixtures for throughput (27 files each)")
    parser.add_argument("--skip-generated", action="store_true", help="no generated index, no latency")
    parser.add_argument("--skip-files", action="store_true", help="no throughput and memory runs on real files")
    parser.add_argument("--keep", type=Path, help="keep the generated database at this path (reused if present)")
    args = parser.parse_args()
    results: dict[str, Any] = {"load_at_start": load(), "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    with tempfile.TemporaryDirectory(prefix="minutes-archive-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_files:
            print("throughput…", file=sys.stderr)
            results["throughput"] = throughput(work / "throughput", args.copies)
            print("memory…", file=sys.stderr)
            results["memory_mb"] = memory(work / "memory", args.copies)
        if not args.skip_generated:
            db = args.keep or work / "generated.db"
            if not db.exists():
                print(f"generating {args.items:,} items…", file=sys.stderr)
                results["generate_s"] = generate(db, args.items)
            with sqlite3.connect(db) as conn:
                count = conn.execute("SELECT count(*) FROM items").fetchone()[0]
            results["generated"] = {"items": count, "db_bytes": db_size(db),
                                    "bytes_per_1000_items": db_size(db) / count * 1000}
            print("latency…", file=sys.stderr)
            results["latency"] = latency(db)
    results["load_at_end"] = load()
    OUT_DIR.mkdir(exist_ok=True)
    name = "archive-generated.json" if args.skip_files else "archive.json"
    (OUT_DIR / name).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report(results))


def report(r: dict[str, Any]) -> str:
    """The results as a Markdown table and notes."""
    lines = ["| Measurement | Result | Baseline (same run) |", "|---|---|---|"]
    if "throughput" in r:
        lines += _file_rows(r)
    if "latency" in r:
        g = r["generated"]
        lines.append(f"| database size, generated ({g['items']:,} items) | {g['bytes_per_1000_items'] / 1e6:.2f} MB "
                     f"per 1,000 items ({g['db_bytes'] / 1e9:.2f} GB) | — |")
        for label, figures in r["latency"].items():
            if isinstance(figures, dict):
                status = "" if label != "one word, one filter" else (
                    " — goal p95 ≤ 200 ms: " + ("PASS" if figures["p95_ms"] <= GOAL_P95_MS else "MISS"))
                lines.append(f"| search latency, {label} ({figures['queries']} queries) | median "
                             f"{figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms{status} | "
                             f"max {figures['max_ms']:.1f} ms |")
    lines.append("")
    lines.append(f"Run {r['started']}; load average {r['load_at_start']} at start, {r['load_at_end']} at end.")
    if "generate_s" in r:
        lines.append(f"Generating the index took {r['generate_s']:.0f} s.")
    return "\n".join(lines)


def _file_rows(r: dict[str, Any]) -> list[str]:
    t = r["throughput"]
    rows = []
    for workers in (1, 2):
        w = t[f"workers{workers}"]
        rows.append(f"| index, {t['files']} files, {workers} worker{'s' if workers > 1 else ''} | "
                    f"{w['index_docs_per_s']:.1f} documents/s | extract -f jsonl {w['extract_docs_per_s']:.1f} "
                    f"documents/s ({w['index_docs_per_s'] / w['extract_docs_per_s']:.2f}×) |")
    rows.append(f"| index again, nothing changed ({t['files']} files) | {t['workers1']['reindex_unchanged_s']:.2f} s"
                " | — |")
    rows.append(f"| database size, real items ({t['items']} items) | {t['bytes_per_1000_items'] / 1e6:.2f} MB per "
                f"1,000 items | input files {t['input_bytes'] / t['items'] * 1000 / 1e6:.2f} MB per 1,000 items |")
    mem = list(r["memory_mb"].items())
    rows.append(f"| peak RSS, index --workers 1 | {mem[1][1]:.0f} MB for {mem[1][0].split('_')[1]} files | "
                f"{mem[0][1]:.0f} MB for {mem[0][0].split('_')[1]} files |")
    return rows


if __name__ == "__main__":
    main()
