"""Incremental builds: how long `digest build` takes cold, warm with no change, and
after one article is added or edited, on a corpus of N articles (default 5,000).

Each build is a fresh `digest build` process, as a daily run would be. The corpus is
made in a temporary folder (never in the repo) from the dev clustering articles in
../shared/dev (or DIGEST_DEV_DATA) plus perturbed copies; without the dev data it is
made from the five sample seeds, perturbed.

    .venv/bin/python bench/incremental.py            # 5,000 articles
    .venv/bin/python bench/incremental.py --articles 1000
    .venv/bin/python bench/incremental.py --stages   # and the add-one build by stage
    .venv/bin/python bench/incremental.py --repeat 5 # the add-one build 5 more times
    .venv/bin/python bench/incremental.py --repeat 7 --cold-repeat 2  # and 2 more colds

Targets (issue "Trustworthy under bad input, big input and repeated builds"): a warm
no-change rebuild <= 5 % of the cold build and rewrites no file; one added article
<= 10 %, touching only the pages of the story it joins (and the indexes)."""

from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import dev_data

from generator.cache import RACY_NS

ROOT = Path(__file__).resolve().parents[1]
DIGEST = Path(sys.executable).parent / "digest"
KEPT = ("content", ".cache")  # what a build changes besides the seeds: put back between runs


def sources() -> list[str]:
    try:
        folder = dev_data("clustering")
    except SystemExit:
        folder = None
    texts: list[str] = []
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*/articles/*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    if not texts:
        print("dev data absent: the corpus is made from the sample seeds, perturbed")
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def perturbed(text: str, rng: random.Random) -> str:
    """A copy that differs a little: some paragraphs dropped, some sentences swapped."""
    lines = [line for line in text.split("\n") if line.strip()]
    kept = [line for line in lines if rng.random() > 0.15] or lines
    if len(kept) > 3:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    return "\n".join(kept) + f"\nFiled {rng.randrange(1, 28)} times by desk {rng.randrange(100)}.\n"


def make_corpus(folder: Path, n: int) -> list[Path]:
    rng = random.Random(20261121)
    base = sources()
    folder.mkdir(parents=True)
    paths = []
    for k in range(n):
        text = base[k] if k < len(base) else perturbed(base[k % len(base)], rng)
        path = folder / f"{k:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(work: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its workers) of one build:
    on a shared machine the wall time waits for other jobs, the CPU time much less.

    What the bench itself wrote just before (a corpus, a copy of the folder: 250 MB at
    5,000 articles) is flushed to disk first: on this VM the kernel's writeback of it,
    landing in the next build, cost an add-one build 0.3-0.4 s of wall and CPU time
    (4 builds each way). A daily run does not follow a copy of its folder."""
    os.sync()
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [
            str(DIGEST),
            "build",
            "--seeds",
            str(work / "seeds"),
            "--content",
            str(work / "content"),
            "-f",
            str(work / "mkdocs.yml"),
            "--quiet",
        ],
        check=True,
        stderr=subprocess.DEVNULL,  # rejected seeds are warned about; the manifest lists them
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return time.perf_counter() - start, cpu


def step(
    name: str, work: Path, cold: tuple[float, float] | None, before: dict[str, str]
) -> tuple[tuple[float, float], dict]:
    seconds, cpu = run(work)
    after = tree(work / "content")
    changed = sorted(k for k in after if before.get(k) != after[k])
    removed = sorted(set(before) - set(after))
    share = f"{100 * seconds / cold[0]:5.1f} %" if cold else "100.0 %"
    cpu_share = f"{100 * cpu / cold[1]:5.1f} %" if cold else "100.0 %"
    pages = [c for c in changed if c.startswith("stories/")]
    print(
        f"{name:<22} {seconds:8.2f} s  {share}  CPU {cpu:7.2f} s  {cpu_share}"
        f"  files written {len(changed):>5}"
        f"  story pages {len(pages):>4}  removed {len(removed)}"
        + (f"  ({', '.join(changed[:4])}{' …' if len(changed) > 4 else ''})" if changed else "")
    )
    return (seconds, cpu), after


# The add-one build's stages (--stages): (module, attribute, label), each timed where it
# is called, in a fresh process so that imports count. Nested stages are inside others.
STAGES = (
    ("generator.pipeline", "read_folder", "reading the seeds"),
    ("generator.pipeline", "prepare_all", "articles, all"),
    ("generator.cache", "Cache.prepared_all", "  cached articles"),
    ("generator.pipeline", "prepare_batch", "  new articles, in this process"),
    ("generator.cluster", "group", "grouping, all"),
    ("generator.similarity", "nearest", "  nearest neighbours"),
    ("generator.cluster", "Groups.__init__", "  grouping set-up"),
    ("generator.cluster", "Groups._replay", "  grouping replay"),
    ("generator.pipeline", "_stories", "stories, kept or made"),
    ("generator.cache", "Cache.stories", "  kept ones read back"),
    ("generator.cluster", "relate_all", "  relating"),
    ("generator.merge", "merge", "  merge"),
    ("generator.pages", "render", "pages, all"),
    ("generator.pages", "story_pages", "  story pages"),
    ("generator.write", "write_files", "write"),
)


def stage_times(work: Path) -> None:
    """In this process: one `digest build` of `work`, printing each stage's seconds."""
    import functools
    import importlib

    start = time.perf_counter()
    from generator.cli import main as digest

    imports = time.perf_counter() - start
    spent: dict[str, float] = {}
    for module_name, attribute, label in STAGES:
        owner: object = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def timed(*a: object, _f=original, _label=label, **k: object) -> object:
            t = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - t

        setattr(owner, name, functools.wraps(original)(timed))
    argv = ["build", "--seeds", str(work / "seeds"), "--content", str(work / "content")]
    try:
        digest([*argv, "-f", str(work / "mkdocs.yml"), "--quiet"], standalone_mode=False)
    finally:
        total = time.perf_counter() - start
        print(f"  {'importing the CLI':<34} {imports:6.2f} s")
        for _, _, label in STAGES:
            print(f"  {label:<34} {spent.get(label, 0.0):6.2f} s")
        print(f"  {'total (this process)':<34} {total:6.2f} s")


def settled(state: Path) -> None:
    """`state` (a copy of the folder before the article was added) as a daily run finds
    its folder: the seeds in place and unchanged since the last build read them. A copy's
    files are new ones (new inodes, change times of now), which a build reads again, so
    a build with nothing to do reads them here, well after they were copied (a file
    changed within RACY_NS of a build's reading is read again by the next)."""
    time.sleep(RACY_NS / 1e9 + 0.1)
    run(state)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def colds(state: Path, times: int) -> list[float]:
    """The cold build `times` more times, each of a copy of `state`'s seeds (the folder
    before the article was added) with no cache and no content: wall seconds."""
    seconds = []
    with tempfile.TemporaryDirectory(prefix="digest-incremental-cold-") as tmp:
        work = Path(tmp)
        shutil.copytree(state / "seeds", work / "seeds", symlinks=True)
        shutil.copy(state / "mkdocs.yml", work / "mkdocs.yml")
        for _ in range(times):
            for part in KEPT:
                shutil.rmtree(work / part, ignore_errors=True)
            seconds.append(run(work)[0])
    return seconds


def repeated(state: Path, name: str, text: str, times: int, cold: float) -> None:
    """The add-one build `times` more times in `state` (settled), its content and cache
    put back as they were before each run and the article taken out after: median, least
    and most wall seconds."""
    seconds = []
    with tempfile.TemporaryDirectory(prefix="digest-incremental-again-") as tmp:
        for part in KEPT:
            shutil.copytree(state / part, Path(tmp) / part, symlinks=True)
        for _ in range(times):
            (state / "seeds" / name).write_text(text, encoding="utf-8")
            seconds.append(run(state)[0])
            (state / "seeds" / name).unlink()
            for part in KEPT:  # as before the run (and as --stages wants it)
                shutil.rmtree(state / part)
                shutil.copytree(Path(tmp) / part, state / part, symlinks=True)
    seconds.sort()
    middle = median(seconds)
    print(
        f"one article added, {times} more runs: median {middle:.2f} s "
        f"({100 * middle / cold:.1f} % of cold), least {seconds[0]:.2f} s, most {seconds[-1]:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument(
        "--stages",
        action="store_true",
        help="after the timings, run the add-one build again in a fresh process, by stage",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="after the timings, run the add-one build this many more times, each from the "
        "state before the article was added, and print the median (the machine is shared: "
        "one run can be a quarter off)",
    )
    parser.add_argument(
        "--cold-repeat",
        type=int,
        default=0,
        help="with --repeat: run the cold build this many more times and measure the repeated "
        "add-one median against the median of all cold builds (one cold build can be a "
        "fifth off, as one add-one build can)",
    )
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)  # the fresh process
    args = parser.parse_args()
    if args.stages_of:
        stage_times(args.stages_of)
        return
    with (
        tempfile.TemporaryDirectory(prefix="digest-incremental-") as tmp,
        tempfile.TemporaryDirectory(prefix="digest-incremental-stages-") as spare,
    ):
        work = Path(tmp)
        again = Path(spare) / "work"  # the state before the article is added (--stages)
        paths = make_corpus(work / "seeds", args.articles)
        (work / "mkdocs.yml").write_text("site_name: bench\ndocs_dir: content\n")
        print(f"{args.articles:,} articles in {work / 'seeds'}; each line is one `digest build`")
        # As an install leaves digest (`make` does this too): an editable install writes no
        # bytecode, and where PYTHONDONTWRITEBYTECODE is set each build and each of its
        # workers would compile every module from source again.
        compileall.compile_dir(ROOT / "generator", quiet=1)
        cold, state = step("cold", work, None, {})
        _, state = step("warm, no change", work, cold, state)
        rng = random.Random(7)
        added = work / "seeds" / "zz-added.txt"
        text = perturbed(paths[3].read_text(encoding="utf-8"), rng)
        if args.stages or args.repeat:
            shutil.copytree(work, again, symlinks=True)
            settled(again)
        added.write_text(text, encoding="utf-8")
        _, state = step("one article added", work, cold, state)
        edited = paths[11]
        edited.write_text(
            edited.read_text(encoding="utf-8")
            + "\nOfficials added on Friday that the investigation would continue into next week.\n"
        )
        _, state = step("one article edited", work, cold, state)
        shutil.rmtree(work / ".cache", ignore_errors=True)
        cold_median = cold[0]
        if args.repeat and args.cold_repeat:
            more = colds(again, args.cold_repeat)
            cold_median = median([cold[0], *more])
            print(
                f"cold, {args.cold_repeat} more runs: {', '.join(f'{s:.2f}' for s in more)} s; "
                f"median of all {1 + args.cold_repeat}: {cold_median:.2f} s"
            )
        if args.repeat:
            repeated(again, added.name, text, args.repeat, cold_median)
        if args.stages:
            (again / "seeds" / added.name).write_text(text, encoding="utf-8")
            print("one article added, again, by stage (a fresh process, timed in it):")
            os.sync()  # as run() does
            subprocess.run(
                [sys.executable, __file__, "--stages-of", str(again)],
                check=True,
                stderr=subprocess.DEVNULL,
            )
        print(
            "targets: warm no change <= 5 % and writes nothing; one added <= 10 %, "
            "touching only its story's page and the indexes (index.md, stories.json)"
        )


if __name__ == "__main__":
    main()
