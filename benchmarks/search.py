"""Search speed at scale: a synthetic corpus of 10,000 and 100,000 passages, a typing trace.

Run from the repository root::

    /work/venv/bin/python benchmarks/search.py            # both sizes, peers if installed
    /work/venv/bin/python benchmarks/search.py --sizes 10000 --no-peers

Each size runs in its own subprocess so memory figures do not mix. Passages (300-800
characters) are recombined from the shipped corpus's sentences, with about one word in six
swapped for an invented word drawn from a Zipf-like pool, so the vocabulary grows as a real
collection's does. The trace types every prefix of several queries, typos included, and times
``SearchIndex.search`` per keystroke. While the trace runs in a thread (as the app runs it), the
main thread ticks every millisecond and records the longest gap: how long search can keep the
UI thread from running. ``fzf --filter`` and ``rg -i -F`` are timed on the same passages.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.search import Document, SearchIndex

SEED = 20100915
PASSAGES_PER_REVIEW = 20
TRACE_QUERIES = (
    "poisoned grace",
    "mulligen",
    "garfeild knightley",
    "romaneck",
    '"beautiful film"',
    "hailsham schol",
    "kazuo ishiguro novel",
    "-depressing film",
    "critic:rocchi haunting",
    "in:comments powerful",
    "'anek",
    "eeeeee",
    "a" * 30,
)
PEER_QUERIES = ("poisoned grace", "mulligan", "garfield knightley", "beautiful film", "hailsham")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z]{3,}")


# -- the synthetic corpus ----------------------------------------------------------------------

def shipped_sentences() -> list[str]:
    corpus = load_corpus()
    texts = [p.text for r in corpus.reviews for p in r.paragraphs]
    texts += [c.text for r in corpus.reviews for c in r.comments]
    return [s.strip() for text in texts for s in _SENTENCE.split(text) if len(s.strip()) > 20]


def invented_words(sentences: list[str], count: int, rng: random.Random) -> list[str]:
    """Pseudo-words spliced from the halves of real ones ("romanitude", "mulligarsh")."""
    words = sorted({w.lower() for s in sentences for w in _WORD.findall(s)})
    pool: set[str] = set()
    while len(pool) < count:
        left, right = rng.choice(words), rng.choice(words)
        pool.add(left[: max(2, len(left) // 2 + rng.randint(-1, 1))]
                 + right[len(right) // 2:] + rng.choice(("", "", "s", "ed", "ing", "ly")))
    return sorted(pool)


def make_passages(count: int, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    sentences = shipped_sentences()
    pool = invented_words(sentences, max(20_000, count), rng)
    passages: list[str] = []
    while len(passages) < count:
        target = rng.randint(300, 800)
        parts: list[str] = []
        length = 0
        while length < target:
            sentence = rng.choice(sentences)
            sentence = _WORD.sub(
                lambda m: pool[int(len(pool) ** rng.random()) - 1]  # Zipf-like ranks
                if rng.random() < 0.16 else m.group(),
                sentence,
            )
            parts.append(sentence)
            length += len(sentence) + 1
        text = " ".join(parts)
        if len(text) > 800:
            cut = text.rfind(" ", 300, 800)
            text = text[: cut if cut != -1 else 800]
        passages.append(text)
    return passages


def make_documents(passages: list[str], seed: int = SEED) -> list[Document]:
    rng = random.Random(seed + 1)
    critics = [d.critic for d in load_corpus().reviews if d.critic]
    documents: list[Document] = []
    for start in range(0, len(passages), PASSAGES_PER_REVIEW):
        review_id = f"syn{start // PASSAGES_PER_REVIEW:06d}"
        documents.append(Document("critic", review_id, f"{rng.choice(critics)} {start}"))
        documents.append(Document("outlet", review_id, f"Outlet {rng.randint(1, 400)}"))
        for number, text in enumerate(passages[start:start + PASSAGES_PER_REVIEW], 1):
            if number > 16:
                documents.append(Document("comment", review_id, text, comment_number=number))
            else:
                documents.append(Document("paragraph", review_id, text, paragraph_id=f"p{number}"))
    return documents


# -- measuring ---------------------------------------------------------------------------------

def memory_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) in MB, from /proc/self/status."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def keystrokes() -> list[str]:
    return [query[:n] for query in TRACE_QUERIES for n in range(1, len(query) + 1)]


def run_with_ticker(work) -> tuple[object, float]:
    """Run ``work`` in a thread; return its result and the longest main-thread gap (ms)."""
    result: dict[str, object] = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", work()))
    longest = 0.0
    thread.start()
    last = time.perf_counter()
    while thread.is_alive():
        time.sleep(0.001)
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    thread.join()
    return result.get("value"), longest * 1000


def busy_python(seconds: float) -> int:
    """Plain Python work with no long C calls: the baseline for UI-thread gaps on this machine."""
    count = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        count += sum(range(50))
    return count


def longest_c_call(work) -> tuple[float, str]:
    """Run ``work`` and time every builtin (C) call it makes: the longest one that did not call
    back into Python is the longest stretch it held the GIL without a chance to switch.

    Timed in thread CPU time, so moments when the OS ran other processes do not count.
    """
    stack: list[list] = []  # [started, name, called_back]
    longest = [0.0, ""]

    def profiler(frame, event, arg) -> None:
        if event == "c_call":
            stack.append([time.thread_time(), getattr(arg, "__qualname__", str(arg)), False])
        elif event in ("c_return", "c_exception") and stack:
            started, name, called_back = stack.pop()
            elapsed = (time.thread_time() - started) * 1000
            if not called_back and elapsed > longest[0]:
                longest[:] = [elapsed, name]
        elif event == "call":
            for entry in stack:
                entry[2] = True

    sys.setprofile(profiler)
    try:
        work()
    finally:
        sys.setprofile(None)
    return longest[0], longest[1]


def measure(size: int) -> dict[str, object]:
    passages = make_passages(size)
    box = [make_documents(passages)]  # popped by the build: the index keeps its own copy
    del passages
    gc.collect()
    rss_before, _ = memory_mb()
    started = time.perf_counter()
    index, build_gap = run_with_ticker(lambda: SearchIndex.build(iter(box.pop())))
    build_seconds = time.perf_counter() - started
    assert isinstance(index, SearchIndex)
    gc.collect()
    rss_after, peak = memory_mb()

    def trace() -> list[float]:
        """One pass of the typing trace, from cold caches (as a new session starts)."""
        index.vocabulary._cache.clear()  # noqa: SLF001
        index._bits_cache.clear()  # noqa: SLF001
        times: list[float] = []
        for text in keystrokes():
            began = time.perf_counter()
            index.search(text, limit=50)
            times.append((time.perf_counter() - began) * 1000)
        return times

    # Three passes; each keystroke's median, so a moment when the shared machine took the CPU
    # away does not count as search time. The slowest single observation is reported too.
    passes: list[list[float]] = []
    trace_gap = 0.0
    for _ in range(3):
        one_pass, gap = run_with_ticker(trace)
        assert isinstance(one_pass, list)
        passes.append(one_pass)
        trace_gap = max(trace_gap, gap)
    times = [statistics.median(column) for column in zip(*passes, strict=True)]
    worst_single = max(max(one_pass) for one_pass in passes)
    c_call_ms, c_call_name = longest_c_call(trace)
    _, baseline_gap = run_with_ticker(lambda: busy_python(2.0))
    # With a 0.5 ms switch interval, pure Python yields almost at once: the longest gap left is
    # the longest single stretch holding the GIL (a C call) plus the machine's own noise.
    default_interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        _, fine_trace_gap = run_with_ticker(trace)
        _, fine_baseline_gap = run_with_ticker(lambda: busy_python(2.0))
    finally:
        sys.setswitchinterval(default_interval)
    began = time.perf_counter()
    gc.collect()
    full_collection_ms = (time.perf_counter() - began) * 1000
    paste = "x" * 5000 + " film " * 900
    began = time.perf_counter()
    index.search(paste)
    paste_ms = (time.perf_counter() - began) * 1000
    full = {}
    for query in PEER_QUERIES:
        runs = []
        for _ in range(5):
            began = time.perf_counter()
            index.search(query + " ", limit=50)
            runs.append((time.perf_counter() - began) * 1000)
        full[query] = statistics.median(runs)
    slowest = sorted(zip(times, keystrokes(), strict=True), reverse=True)[:5]
    return {
        "size": size,
        "documents": len(index),
        "vocabulary": len(index.vocabulary),
        "build_s": build_seconds,
        "build_ui_gap_ms": build_gap,
        "rss_index_mb": rss_after - rss_before,
        "rss_total_mb": rss_after,
        "peak_mb": peak,
        "keystrokes": len(times),
        "p50_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "worst_single_ms": worst_single,
        "trace_ui_gap_ms": trace_gap,
        "baseline_ui_gap_ms": baseline_gap,
        "gil_hold_ms": fine_trace_gap,
        "c_call_ms": c_call_ms,
        "c_call_name": c_call_name,
        "gil_baseline_ms": fine_baseline_gap,
        "gc_full_ms": full_collection_ms,
        "paste_ms": paste_ms,
        "slowest": [(round(t, 2), k) for t, k in slowest],
        "full_query_ms": full,
    }


def time_peers(size: int) -> dict[str, dict[str, float]]:
    """Median seconds per query for fzf --filter and rg -i -F over the same passages."""
    peers = {name: shutil.which(name) for name in ("fzf", "rg")}
    if not any(peers.values()):
        return {}
    passages = make_passages(size)
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "passages.txt"
        path.write_text("\n".join(p.replace("\n", " ") for p in passages) + "\n", encoding="utf-8")
        for name, binary in peers.items():
            if not binary:
                continue
            out[name] = {}
            for query in PEER_QUERIES:
                command = (
                    [binary, "--filter", query] if name == "fzf"
                    else [binary, "-i", "-F", "--", query, str(path)]
                )
                runs: list[float] = []
                while len(runs) < 3 and sum(runs) < 5.0:  # slow peers: fewer repeats
                    began = time.perf_counter()
                    with path.open("rb") as stdin:
                        subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, check=False)
                    runs.append(time.perf_counter() - began)
                out[name][query] = statistics.median(runs)
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{platform.platform()}; {os.cpu_count()} CPUs ({cpu}); "
            f"Python {platform.python_version()}; load average {load}")


def report(result: dict, peers: dict[str, dict[str, float]]) -> None:
    size = result["size"]
    print(f"\n== {size:,} passages ({result['documents']:,} documents, "
          f"{result['vocabulary']:,} distinct words)")
    print(f"index build          {result['build_s']:.2f} s in a thread "
          f"(longest UI-thread gap {result['build_ui_gap_ms']:.1f} ms)")
    print(f"memory               index +{result['rss_index_mb']:.0f} MB; process "
          f"{result['rss_total_mb']:.0f} MB (peak {result['peak_mb']:.0f} MB)")
    print(f"per keystroke        p50 {result['p50_ms']:.2f} ms, p95 {result['p95_ms']:.2f} ms, "
          f"max {result['max_ms']:.2f} ms over {result['keystrokes']} keystrokes "
          f"(median of 3 cold passes; slowest single call {result['worst_single_ms']:.1f} ms)")
    print(f"UI-thread gap        longest {result['trace_ui_gap_ms']:.1f} ms while the trace ran "
          f"(baseline: {result['baseline_ui_gap_ms']:.1f} ms beside a plain Python loop)")
    print(f"longest C call       {result['c_call_ms']:.2f} ms CPU ({result['c_call_name']}) in a "
          "cold pass: the longest the GIL is held without a switch")
    print(f"UI gap, fine switch  {result['gil_hold_ms']:.1f} ms (0.5 ms switch interval; "
          f"baseline {result['gil_baseline_ms']:.1f} ms)")
    print(f"full gc.collect()    {result['gc_full_ms']:.0f} ms with the index loaded")
    print(f"10,000-char paste    {result['paste_ms']:.2f} ms")
    print("slowest keystrokes   " + "; ".join(f"{k!r} {t} ms" for t, k in result["slowest"]))
    for query, ours in result["full_query_ms"].items():
        line = f"  {query!r:24} ours {ours:7.2f} ms"
        for name, timings in peers.items():
            theirs = timings[query] * 1000
            line += f" | {name} {theirs:8.1f} ms (x{theirs / max(ours, 1e-6):,.0f})"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        result = measure(args.one)
        result["peers"] = {} if args.no_peers else time_peers(args.one)
        print(json.dumps(result))
        return
    print(machine())
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size)]
        if args.no_peers:
            command.append("--no-peers")
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        report(result, result.pop("peers"))


if __name__ == "__main__":
    main()
