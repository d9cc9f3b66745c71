"""The command-line door: thin, calls the pipeline, turns domain errors into one line."""

from __future__ import annotations

import atexit
import gc
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__, pipeline
from .config import DigestConfig, load
from .errors import Committed, DigestError, SeedError, os_error
from .models import Article, Rejected, Story, Table
from .read import OUTLET_REGISTRIES, read_outlets, read_seed

F = TypeVar("F", bound=Callable[..., Any])
# The colour of each kind of message on a terminal.
MESSAGE_STYLES = {"warning": "yellow", "error": "red", "interrupted": "red"}


class _Stderr:
    """The CLI's messages on stderr, a line each ("warning: ...", "error: ..."): through
    rich on a terminal (colour, the progress spinner), as plain lines otherwise, never
    wrapped, and without importing rich (a scheduled run's log: 0.03 s of its start)."""

    def __init__(self) -> None:
        self._console: Any = None

    def _rich(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False, emoji=False)
        return self._console

    def say(self, text: str, kind: str = "", dim: bool = False) -> None:
        """`kind: text` (or `text`), as it is: no markup, no emoji codes."""
        if not sys.stderr.isatty():
            sys.stderr.write(f"{kind}: {text}\n" if kind else f"{text}\n")
            return
        from rich.text import Text

        line = Text(text, style="dim" if dim else "")
        if kind:
            line = Text.assemble((kind, MESSAGE_STYLES.get(kind, "")), ": ", line)
        self._rich().print(line, soft_wrap=True)

    def status(self, text: str) -> AbstractContextManager[object]:
        return self._rich().status(text) if sys.stderr.isatty() else nullcontext()


err = _Stderr()
EXIT_USER_ERROR = 1  # bad input, config or output folder; the message names the file
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT), as shells report it


def project_options(command: F) -> F:
    """--seeds, --content and --config-file: where a project's files are."""
    for option in reversed(
        (
            click.option(
                "--seeds",
                type=click.Path(path_type=Path),
                help="Seed folder [the digest plugin's seeds in mkdocs.yml, then seeds/].",
            ),
            click.option(
                "--content",
                type=click.Path(path_type=Path),
                help="Content folder (build writes into it) [mkdocs.yml docs_dir, then content/].",
            ),
            click.option(
                "--config-file",
                "-f",
                type=click.Path(path_type=Path),
                help="mkdocs.yml to read the digest plugin options from; it must exist "
                "[mkdocs.yml, when there is one].",
            ),
        )
    ):
        command = option(command)
    return command


@click.group()
@click.version_option(__version__, prog_name="digest")
def main() -> None:
    """Turn a folder of scraped news articles into a searchable briefing site."""
    # On the way out, everything still alive is frozen out of the garbage collector:
    # Python's last collection would walk every object of numpy, scipy and the build
    # (0.06-0.09 s of each run's exit); digest leaves no file or database to a finalizer.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def run() -> None:
    """The `digest` command: main(), then out of the process at once. When a command is
    done and its output flushed, Python's own exit would only take apart every object
    still alive, module by module: 0.03 s of a rebuild that adds one article to 5,000
    (mypy leaves the same way). Every file and the cache are closed by then, and no
    thread is left. An exception that is not click's still exits as Python does."""
    try:
        main()
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            raise  # a message to print: Python's exit prints it
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):  # a closed pipe, a closed stream
                stream.flush()
        os._exit(done.code or 0)


@main.command()
@project_options
@click.option(
    "--strict", is_flag=True, help="Fail on any warning: a rejected seed, an unknown option, ..."
)
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings and errors.")
def build(
    seeds: Path | None, content: Path | None, config_file: Path | None, strict: bool, quiet: bool
) -> None:
    """Generate story pages and stories.json into the content folder."""
    with _user_errors(), _warnings_printed() as warned:
        config, paths = load(config_file, seeds, content)
        with err.status("building") if not quiet else nullcontext():
            result = pipeline.build(config, paths, None if quiet else _progress)
    for r in result.rejected:  # one line each, however long (a log is searched by file name)
        err.say(f"{r.source}: {r.reason}", "warning")
    if not quiet:
        err.say(
            f"{result.story_count} stories, {len(result.rejected)} rejected; "
            f"{len(result.written)} files written, {len(result.removed)} removed"
        )
    others = warned.others
    if strict and (result.rejected or others):
        err.say(
            f"{len(result.rejected)} seed(s) rejected, {others} other warning(s) (--strict)",
            "error",
        )
        sys.exit(EXIT_USER_ERROR)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True
)
def normalise(files: tuple[Path, ...], fmt: str) -> None:
    """Print the normalised articles for FILES."""
    articles = [_article(f) for f in files]
    for file, article in zip(files, articles, strict=True):
        _say_if_rejected(file, article)
    if fmt == "json":
        click.echo(json.dumps([article_json(a) for a in articles], indent=2, ensure_ascii=False))
        return
    for a in articles:
        click.echo(article_text(a))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
def explain(file: Path) -> None:
    """Show, line by line, what FILE's lines were kept as and which rule dropped the rest."""
    from .normalise.patterns import RULE_NOTES

    article = _article(file)
    click.echo(
        f"{file}: title {'derived from the lede' if article.title_derived else 'from page'}"
        f": {article.title}"
    )
    for v in article.lines:
        if v.kind == "blank":
            continue
        note = f"  [{v.rule}: {RULE_NOTES.get(v.rule, v.rule)}]" if v.rule else ""
        click.echo(f"{v.line:>5} {v.kind:<15} {_clip(v.text)}{note}")
    _say_if_rejected(file, article)


def _say_if_rejected(file: Path, article: Article) -> None:
    """A seed normalised to no paragraph is one a build rejects: say so, as build does."""
    if not article.paragraphs:
        err.say(f"{file}: {pipeline.no_text_reason(article)}: a build rejects it", "warning")


@main.command("explain-story")
@click.argument("story")
@project_options
def explain_story(
    story: str, seeds: Path | None, content: Path | None, config_file: Path | None
) -> None:
    """Show why each article is in STORY (a slug, id or seed path) and how it relates."""
    with _user_errors(), _warnings_printed():
        config, paths = load(config_file, seeds, content)
        stories, _rejected = pipeline.plan(config, paths, lambda _message: None)
        source = _seed_source(story, paths.seeds)
        found = [
            s
            for s in stories
            if story in (s.slug, s.id) or source in (m.article.source for m in s.members)
        ]
        if not found:
            raise DigestError(f"{story}: no story with this slug, id or seed path")
    for line in story_explanation(found[0], config):
        click.echo(line)


def _seed_source(story: str, seeds: Path) -> str:
    """A seed's source name (its path inside the seeds folder) for a path typed from
    anywhere ("seeds/003_x.txt" from the project's root); else `story` as it is."""
    try:
        return Path(story).resolve().relative_to(seeds.resolve()).as_posix()
    except ValueError:
        return story


def story_explanation(story: Story, config: DigestConfig) -> list[str]:
    lines = [f"{story.slug} ({story.id}): {story.title}", ""]
    for m in story.members:
        counts = Counter(a.how or "own" for a in m.alignment)
        flag = "" if m.credits_original else ", does not credit the original"
        lines.append(
            f"  {m.relation.value:<9} {m.similarity:.3f}  {m.article.source}  "
            f"[{m.article.outlet or 'outlet unknown'}] paragraphs: "
            f"{counts['verbatim']} verbatim, {counts['reworded']} reworded, "
            f"{counts['own']} own{flag}"
        )
    lines += [
        "",
        f"joined (same_story {config.same_story} words, same_meaning {config.same_meaning}, "
        f"copy_overlap {config.copy_overlap}):",
    ]
    lines += [
        f"  {j.a} + {j.b}: {j.reason}; pair words {j.words:.3f} meaning {j.meaning:.3f}; "
        f"group average words {j.average_words:.3f} meaning {j.average_meaning:.3f}"
        for j in story.joins
    ] or ["  (single article)"]
    return lines


def article_json(a: Article) -> dict[str, object]:
    return {
        "source": a.source,
        "title": a.title,
        "kicker": a.kicker,
        "dek": a.dek,
        "dateline": a.dateline,
        "published": a.published,
        "outlet": a.outlet,
        "credits": list(a.credits),
        "highlights": list(a.highlights),
        "paragraphs": list(a.paragraphs),
        "tables": [asdict(t) for t in a.tables],
        "captions": [asdict(c) for c in a.captions],
        "dropped": [{"line": v.line, "text": v.text, "rule": v.rule} for v in a.dropped],
        "title_derived": a.title_derived,
        "encoding": a.encoding,
        "repairs": list(a.repairs),
    }


def article_text(a: Article) -> str:
    head = [
        f"# {a.title}",
        *(
            f"{k}: {v}"
            for k, v in (
                ("kicker", a.kicker),
                ("dek", a.dek),
                ("dateline", a.dateline),
                ("published", a.published),
                ("outlet", a.outlet),
                ("credits", ", ".join(a.credits)),
            )
            if v
        ),
    ]
    highlights = "\n".join(f"- {h}" for h in a.highlights)
    captions = [f"[photo] {c.caption} ({c.credit or 'uncredited'})" for c in a.captions]
    body = [highlights] if highlights else []
    tables = ["\n".join(_table_text(t)) for t in a.tables]
    return "\n\n".join(["\n".join(head), *body, *a.paragraphs, *tables, *captions]) + "\n"


def _table_text(t: Table) -> list[str]:
    """A table as text: its title, then one line per row, cells between bars."""
    title = [f"[table] {t.title}"] if t.title else ["[table]"]
    return title + [" | ".join(row) for row in (t.header, *t.rows)]


def _article(path: Path) -> Article:
    """FILE normalised as a build would: with the outlets.yml of its seeds folder."""
    from .normalise import normalise  # with the command that needs it, not every command

    with _user_errors():
        if not path.is_file():
            raise SeedError(path, "no such file")
        doc = read_seed(path, path.as_posix(), 200_000_000)
        if isinstance(doc, Rejected):
            raise SeedError(path, doc.reason)
        return normalise(doc, read_outlets(_registry_folder(path)))
    raise AssertionError("unreachable")


def _registry_folder(path: Path) -> Path:
    """The folder whose outlets.yml a seed is read with: the nearest one up from the
    seed that has a registry, below the project's root (the folder of a mkdocs.yml);
    the seed's own folder when none has."""
    for folder in path.resolve().parents:
        if any((folder / name).is_file() for name in OUTLET_REGISTRIES):
            return folder
        if (folder / "mkdocs.yml").is_file():
            break
    return path.parent


def _clip(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn a DigestError or an OSError (naming its file) into one line on stderr and
    exit code 1, and Ctrl-C into one
    line (saying whether the content folder changed) and exit code 130; no traceback."""
    try:
        yield
    except DigestError as error:
        err.say(str(error), "error")
        sys.exit(EXIT_USER_ERROR)
    except OSError as error:  # the system refused a file (permissions, a full disk)
        err.say(os_error(error), "error")
        sys.exit(EXIT_USER_ERROR)
    except KeyboardInterrupt as stop:
        if isinstance(stop, Committed):
            err.say("after the content folder got this build's pages", "interrupted")
        else:
            err.say("nothing was changed in the content folder", "interrupted")
        sys.exit(EXIT_INTERRUPTED)


class _Warnings(logging.Handler):
    """The pipeline's warnings as 'warning: ...' lines; rejected seeds are left to the
    build command, which lists them after the build (the logger is MkDocs' plugin logger,
    which `mkdocs build --strict` counts; here nothing else would print it). It counts
    the others, for --strict."""

    others = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not hasattr(record, pipeline.REJECTED):
            self.others += 1
            err.say(record.getMessage(), "warning")


@contextmanager
def _warnings_printed() -> Iterator[_Warnings]:
    logger = pipeline.log
    handler, propagate = _Warnings(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # or Python's last-resort handler prints each one again
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _progress(message: str) -> None:
    err.say(message, dim=True)
