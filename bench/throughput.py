"""End-to-end throughput of `kg build` against plain jieba.lcut on the same text.

    python bench/throughput.py [--mb 2] [--jobs 1] [--files 100]

Builds a multi-megabyte corpus from the sentences of the public evaluation sets in
../shared/eval/public/ (varied news, résumés, People's Daily — not one paragraph
repeated), writes it as N files, then measures in this same run:

* jieba.lcut over the whole corpus (the baseline, best of three runs), chars/s and peak memory;
* `kg build` on the folder (a subprocess, as a user runs it), chars/s and peak memory;

and prints the ratio. It is a script, not a test: figures depend on the machine, the
ratio against a baseline measured in the same run is what to compare across commits.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PUBLIC = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "public"


def corpus_sentences() -> list[str]:
    sentences = []
    for path in sorted(PUBLIC.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            sentences += [json.loads(line)["text"] for line in fh if line.strip()]
    if not sentences:
        sys.exit(f"no public sets found in {PUBLIC}")
    return sentences


def make_corpus(folder: Path, megabytes: float, files: int) -> str:
    """Cycle through the varied sentences until the corpus reaches the size; split into files."""
    sentences = corpus_sentences()
    target = int(megabytes * 1_000_000 / 3)  # ~3 UTF-8 bytes per Chinese character
    chunks, size, i = [], 0, 0
    while size < target:
        s = sentences[i % len(sentences)]
        chunks.append(s if s.endswith(("。", "！", "？")) else s + "。")
        size += len(chunks[-1])
        i += 1
    per_file = max(1, len(chunks) // files)
    for n in range(0, len(chunks), per_file):
        (folder / f"doc{n // per_file:05d}.txt").write_text("\n".join(chunks[n:n + per_file]) + "\n", encoding="utf-8")
    return "\n".join(chunks)


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


BASELINE_RUNS = 3


def jieba_baseline(text: str) -> tuple[float, float]:
    """The best of a few timings (as timeit advises): one run of jieba.lcut swung by ±20% from
    one invocation to the next on a loaded machine, and with it the ratio."""
    code = (
        "import jieba, sys, time, resource, logging; logging.getLogger('jieba').setLevel(logging.WARNING);"
        "t = sys.stdin.read(); jieba.lcut('预热'); best = float('inf')\n"
        f"for _ in range({BASELINE_RUNS}):\n"
        "    s = time.perf_counter(); jieba.lcut(t); best = min(best, time.perf_counter() - s)\n"
        "print(best, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True)
    seconds, mem = map(float, out.stdout.split())
    return seconds, mem


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of UTF-8 (default 2)")
    ap.add_argument("--files", type=int, default=100, help="number of files (default 100)")
    ap.add_argument("--jobs", type=int, default=1, help="kg build --jobs (default 1)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        text = make_corpus(folder, args.mb, args.files)
        chars = len(text)
        print(f"corpus: {chars:,} characters, {len(text.encode()) / 1e6:.1f} MB in {args.files} files")

        j_sec, j_mem = jieba_baseline(text)
        print(f"jieba.lcut      {chars / j_sec:>12,.0f} chars/s   peak {j_mem:7.0f} MB")

        start = time.perf_counter()
        proc = subprocess.run(["kg", "build", str(folder), "--out", str(Path(tmp) / "out"), "--jobs", str(args.jobs)],
                              capture_output=True, text=True)
        k_sec = time.perf_counter() - start
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        k_mem = peak_rss_mb(resource.RUSAGE_CHILDREN)
        print(f"kg build -j{args.jobs}    {chars / k_sec:>12,.0f} chars/s   peak {k_mem:7.0f} MB   (whole run incl. start-up and exports)")
        print(f"ratio kg build / jieba.lcut: {(chars / k_sec) / (chars / j_sec):.4f} (speed)  {k_mem / j_mem:.1f}x (memory)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
