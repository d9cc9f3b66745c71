"""Same output check for normaliser speed work: every Article (and decoded RawDocument)
that `read_seed` / `decode_seed` -> `normalise` makes, fingerprinted, so a faster
normaliser can be shown to give exactly the same results as the one before it.

Inputs: the sample seeds, the dev page dumps (normalise/textdump/pages, decoded from
their bytes), the dev clustering articles (decoded from their bytes) and the first N of
bench/scale.py's synthetic corpus (copies, rewrites, distractors of those articles).
Each result's repr() is hashed; `--save FILE` writes {name: sha256}, `--compare FILE`
lists every name whose result differs (and exits 1 when any does), and prints the time
spent per article.

    .venv/bin/python bench/samenorm.py --save /tmp/before.json      # on the old code
    .venv/bin/python bench/samenorm.py --compare /tmp/before.json   # on the new code
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def inputs(synthetic: int) -> list[tuple[str, object]]:
    """(name, SeedFile or RawDocument) for every input, in a fixed order."""
    from scale import corpus

    from generator.models import RawDocument, SeedFile

    dev = Path(os.environ.get("DIGEST_DEV_DATA") or ROOT.parent / "shared" / "dev")
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((dev / "normalise" / "textdump" / "pages").glob("*.txt"))
    files += sorted(dev.glob("clustering/*/articles/*.txt"))
    found: list[tuple[str, object]] = [
        (str(p.relative_to(p.parents[2])), SeedFile(p.name, p.suffix.lower(), p.read_bytes()))
        for p in files
    ]
    found += [
        (f"synthetic/{k:06d}", RawDocument(f"{k:06d}.txt", text, "utf-8"))
        for k, text in enumerate(corpus(synthetic))
    ]
    return found


def fingerprints(items: list[tuple[str, object]]) -> tuple[dict[str, str], float]:
    from generator.models import SeedFile
    from generator.normalise import normalise
    from generator.read import decode_seed

    out: dict[str, str] = {}
    start = time.process_time()
    for name, item in items:
        doc = decode_seed(item) if isinstance(item, SeedFile) else item
        result = doc if not hasattr(doc, "text") else (doc, normalise(doc))  # type: ignore[arg-type]
        out[name] = hashlib.sha256(repr(result).encode()).hexdigest()
    return out, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=5000, help="scale.py corpus size")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    items = inputs(args.synthetic)
    found, cpu = fingerprints(items)
    print(f"{len(found)} inputs, {cpu:.1f} s CPU, {1000 * cpu / len(found):.2f} ms per input")
    if args.save:
        args.save.write_text(json.dumps(found, indent=0, sort_keys=True))
        return
    before = json.loads(args.compare.read_text())
    differ = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for name in differ:
        print("differs:", name)
    print(f"{len(found) - len(differ)} of {len(before.keys() | found.keys())} identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
