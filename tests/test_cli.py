"""The CLI door: commands, output shapes, and one-line errors with exit code 1."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from generator.cli import main

SAMPLE = SEEDS / "002_6e10a5f34e632333.txt"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_normalise_json_has_the_interface_keys(run):
    result = run("normalise", SAMPLE, "--format", "json")
    assert result.exit_code == 0
    (article,) = json.loads(result.stdout)
    assert {
        "source",
        "title",
        "dek",
        "dateline",
        "published",
        "outlet",
        "credits",
        "paragraphs",
        "captions",
        "dropped",
    } <= set(article)
    assert article["outlet"] == "Secure Horizon Growth"
    assert {"line": 15, "text": "veryGood! (96)", "rule": "reaction_counter"} in article["dropped"]


def test_normalise_text(run):
    result = run("normalise", SAMPLE, "--format", "text")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Train carrying Kim Jong Un enters Russia")
    assert "veryGood" not in result.stdout


def test_normalise_and_explain_read_the_seeds_folders_outlets_yml(run, project):
    """A seed is named by the outlets.yml of its seeds folder, as a build names it."""
    seed = project.seeds / "000_769eb25042b505df.txt"
    assert json.loads(run("normalise", seed).stdout)[0]["outlet"] == "ABC News"
    (project.seeds / "outlets.yml").write_text(
        "- name: ABC News (US)\n  domains: [abcnews.go.com]\n  aliases: [ABC News]\n"
    )
    (project.seeds / "nested").mkdir()
    nested = project.seeds / "nested" / seed.name
    nested.write_bytes(seed.read_bytes())
    for path in (seed, nested):
        assert json.loads(run("normalise", path).stdout)[0]["outlet"] == "ABC News (US)"
    nested.unlink()


def test_explain_shows_every_dropped_line_with_its_rule(run):
    result = run("explain", SAMPLE)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(
        line.split()[:2] == ["15", "dropped"] and "[reaction_counter:" in line for line in lines
    )
    assert any(line.split()[:2] == ["4", "date"] for line in lines)


def test_explain_and_normalise_say_when_a_build_rejects_the_seed(run, tmp_path):
    """A seed of furniture alone normalises to no paragraph: explain and normalise show
    what they found, and say on stderr, as build does, that a build rejects it."""
    menu = tmp_path / "menu.txt"
    menu.write_text("Home\nNews\nSport\n")
    for command in ("explain", "normalise"):
        result = run(command, menu)
        assert result.exit_code == 0
        assert result.stderr.strip().splitlines() == [
            f"warning: {menu}: no article text found (3 lines, dropped as outside_article; "
            'first "Home"): a build rejects it'
        ]
    kept = run("explain", SEEDS / "000_769eb25042b505df.txt")
    assert kept.exit_code == 0 and kept.stderr == ""


def test_missing_file_is_one_line_error_exit_1(run, tmp_path):
    result = run("explain", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope.txt'}: no such file"]


def test_rejected_file_error_names_it(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = run("normalise", bad)
    assert result.exit_code == 1
    assert f"{bad}: binary file" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_reads_mkdocs_yml_and_writes_content(run, project, tmp_path):
    yml = tmp_path / "mkdocs.yml"
    yml.write_text(
        "site_name: t\ndocs_dir: content\nplugins:\n  - digest:\n      output: news\n"
        "theme:\n  name: material\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    result = run("build", "-f", yml, "--quiet")
    assert result.exit_code == 0, result.stderr
    assert (project.content / "news").is_dir() and (project.content / "stories.json").is_file()


def test_build_in_the_project_folder_with_no_options(run, project, tmp_path, monkeypatch):
    """`digest build` as the README's `make content` runs it: every path relative to the
    working folder (mkdocs.yml, seeds/, content/), twice (a first build, then a rebuild)."""
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = run("build", "--quiet")
        assert result.exit_code == 0, result.stderr
    assert (project.content / "stories").is_dir() and (project.content / "index.md").is_file()
    assert not list(project.content.glob(".*"))  # no staging folder or journal left behind


def test_build_prints_each_warning_once(run, project, tmp_path):
    """A rejected seed and a registry naming a missing seed: one line each, on the first
    build and on one that finds nothing changed."""
    (project.seeds / "empty.txt").write_text("")
    long = f"{'a-scraped-page-with-a-long-name-' * 3}:smile:.txt"  # no emoji made of it
    (project.seeds / long).write_text("")
    (project.seeds / "stories.yml").write_text("apart:\n  - [gone.txt, empty.txt]\n")
    args = ["--seeds", project.seeds, "--content", project.content, "-f", tmp_path / "bare.yml"]
    for _ in range(2):
        result = run("build", *args, "--quiet")
        assert result.exit_code == 0, result.stderr
        assert result.stderr.count("empty.txt: empty file") == 1, result.stderr
        assert f"warning: {long}: empty file" in result.stderr.splitlines()  # not wrapped
        assert result.stderr.count("'gone.txt', which is not a seed file") == 1, result.stderr
        assert result.stderr.count("'empty.txt', which was rejected (empty file)") == 1
        assert "not included" not in result.stderr  # the plugin's wording, for mkdocs only


def test_build_strict_fails_on_rejected_seed(run, project, tmp_path):
    (project.seeds / "empty.txt").write_text("")
    result = run(
        "build",
        "--seeds",
        project.seeds,
        "--content",
        project.content,
        "--strict",
        "-f",
        tmp_path / "bare.yml",
    )
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr


def test_build_strict_fails_on_any_warning(run, project, tmp_path):
    """An unknown option and a stories.yml naming a seed that is not there: warnings that
    a plain build prints and goes on past, and that --strict (for CI) makes a failure."""
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_name: t\nplugins:\n  - digest:\n      same_stroy: 0.3\n")
    (project.seeds / "stories.yml").write_text("apart:\n  - [gone.txt, other.txt]\n")
    args = ["--seeds", project.seeds, "--content", project.content, "-f", yml]
    plain = run("build", *args)
    assert plain.exit_code == 0, plain.stderr
    assert "same_stroy is not a digest option" in plain.stderr
    strict = run("build", *args, "--strict")
    assert strict.exit_code == 1
    assert "0 seed(s) rejected, 3 other warning(s) (--strict)" in strict.stderr
    (project.seeds / "stories.yml").unlink()
    yml.write_text("site_name: t\n")
    assert run("build", *args, "--strict").exit_code == 0  # no warning: no failure


def test_a_file_the_system_refuses_is_one_line_naming_it(run, project, tmp_path):
    """No traceback for what the system refuses: the file and its reason, exit code 1;
    a content folder that is a file is said so before anything is done."""
    args = ["--seeds", project.seeds, "-f", tmp_path / "bare.yml"]
    (project.content / "stories").write_text("a file where a folder must go")
    blocked = run("build", *args, "--content", project.content)
    assert blocked.exit_code == 1
    assert f"error: {project.content / 'stories'}" in blocked.stderr
    assert "Not a directory" in blocked.stderr and "Traceback" not in blocked.stderr
    (project.content / "stories").unlink()
    file = tmp_path / "content.md"
    file.write_text("not a folder")
    refused = run("build", *args, "--content", file)
    assert refused.exit_code == 1
    assert f"error: {file}: is a file: the content folder must be a folder" in refused.stderr


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("same_story", "high", "a number, got 'high'"),
        ("front_page_days", "0", "a value of at least 1, got 0"),
        ("max_file_bytes", "-5", "a value of at least 1, got -5"),
        ("feed_items", "-1", "a value of at least 1, got -1"),
        ("reworded", "1.5", "a value from 0.0 to 1.0, got 1.5"),
        ("same_story", "-0.1", "a value from 0.0 to 1.0, got -0.1"),
    ],
)
def test_a_bad_config_value_names_the_key(run, tmp_path, key, value, expected):
    """A value of the wrong type, a count below one or a fraction outside 0-1 stops the
    build naming the key and its line (out of range, it would reject every seed, or show
    nothing)."""
    yml = tmp_path / "mkdocs.yml"
    yml.write_text(f"site_name: t\nplugins:\n  - digest:\n      {key}: {value}\n")
    result = run("build", "-f", yml)
    assert result.exit_code == 1
    assert f"error: {yml}:4: plugins.digest.{key}: expected {expected}" in result.stderr


def test_an_unknown_config_key_is_a_warning_naming_it(run, tmp_path):
    (tmp_path / "seeds").mkdir()
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_name: t\nplugins:\n  - digest:\n      same_stroy: 0.3\n")
    result = run("build", "-f", yml)
    assert result.exit_code == 0
    assert f"warning: {yml}:4: plugins.digest.same_stroy is not a" in result.stderr


def test_option_lines_are_read_off_the_digest_block_alone():
    from generator.config import option_lines

    text = (
        "site_name: x\nplugins:\n  - search\n  - digest:\n      seeds: seeds\n"
        "      # a comment\n      topics:\n        - a\n        - b\n\n"
        "      same_stroy: 0.3\n      nested:\n        same_story: 1\n"
        "  - other:\n      same_story: 2\nsame_story: 3\n"
    )
    assert option_lines(text) == {"seeds": 5, "topics": 7, "same_stroy": 11, "nested": 12}
    assert option_lines("plugins:\n  - digest: {seeds: s}\n") == {}


def test_missing_seeds_folder(run, tmp_path):
    (tmp_path / "bare.yml").write_text("{}\n")
    result = run(
        "build",
        "--seeds",
        tmp_path / "none",
        "--content",
        tmp_path / "c",
        "-f",
        tmp_path / "bare.yml",
    )
    assert result.exit_code == 1
    assert "seeds folder not found" in result.stderr


def test_a_config_file_that_is_not_there_is_an_error(run, project, tmp_path):
    """A mistyped -f is no build with the defaults: it names the file, exit code 1."""
    args = ("--seeds", project.seeds, "--content", project.content)
    for command in (("build",), ("explain-story", "000_769eb25042b505df.txt")):
        result = run(*command, *args, "-f", tmp_path / "mkdcos.yml")
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines() == [
            f"error: {tmp_path / 'mkdcos.yml'}: no such config file (given with --config-file)"
        ]
    assert not (project.content / "stories.json").exists()


def test_explain_story_takes_a_seed_path_and_prefixes_warnings(run, project, tmp_path, monkeypatch):
    """explain-story finds a story by a seed's path as typed from the project's root
    ("seeds/000_x.txt"), as explain does, and prints warnings as build does."""
    (project.seeds / "nobody-1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.chdir(tmp_path)
    result = run("explain-story", "seeds/000_769eb25042b505df.txt", "-f", "bare.yml")
    assert result.exit_code == 0, result.stderr
    assert "000_769eb25042b505df.txt" in result.stdout
    assert "warning: image 'nobody-1.png' is beside no seed of that name" in result.stderr


def test_explain_story_shows_relations_and_joins(run, project, tmp_path):
    args = ("--seeds", project.seeds, "--content", project.content, "-f", tmp_path / "bare.yml")
    result = run("explain-story", "000_769eb25042b505df.txt", *args)
    assert result.exit_code == 0, result.stderr
    assert "rewrite" in result.stdout and "does not credit the original" in result.stdout
    assert "shared words; pair words" in result.stdout
    missing = run("explain-story", "no-such-story", *args)
    assert missing.exit_code == 1 and "no-such-story: no story" in missing.stderr


def test_a_run_freezes_what_is_left_out_of_the_last_garbage_collection(tmp_path):
    """A `digest` process, once its command is done, moves every object still alive out
    of the collector's reach (gc.freeze at exit), so Python's exit does not walk them
    all; the command's output is complete before that."""
    import subprocess
    import sys

    seed = sorted(SEEDS.glob("*.txt"))[0]
    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "from generator.cli import main\n"
        "main(['normalise', sys.argv[1]])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(seed)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    body, last = done.stdout.rstrip("\n").rsplit("\n", 1)
    assert last == "frozen True"
    assert body.strip()  # the normalised article, printed before the exit


def test_the_digest_command_leaves_without_pythons_teardown_output_complete(tmp_path):
    """`digest` (cli.run) ends its process as soon as the command is done and its output
    is flushed: nothing registered for Python's exit runs, the exit code is the
    command's, and a traceback that is not click's still reaches the user."""
    import subprocess
    import sys

    seed = sorted(SEEDS.glob("*.txt"))[0]
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('TEARDOWN'))\n"
        "from generator.cli import run\n"
        "sys.argv = ['digest', *sys.argv[1:]]\n"
        "print('started')\n"  # held in stdout's buffer until something flushes it
        "run()\n"
    )

    def digest(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120
        )

    done = digest("normalise", "--format", "json", str(seed))
    assert done.returncode == 0, done.stderr
    started, printed = done.stdout.split("\n", 1)
    assert started == "started" and json.loads(printed)[0]["source"] == str(seed)  # all of it
    assert "TEARDOWN" not in done.stdout
    missing = digest("build", "--seeds", str(tmp_path / "none"), "--content", str(tmp_path))
    assert missing.returncode == 1 and "none" in missing.stderr
    assert "TEARDOWN" not in missing.stdout


def test_messages_are_plain_lines_off_a_terminal_and_coloured_on_one(project, tmp_path):
    """A scheduled run's log gets plain lines, never wrapped, and the CLI does not import
    rich for them; a terminal gets rich's colours."""
    import os
    import pty
    import subprocess
    import sys

    (project.seeds / "empty.txt").write_text("")
    long = "a-scraped-page-" * 8 + ".txt"
    (project.seeds / long).write_text("")
    args = ["build", "--seeds", str(project.seeds), "--content", str(project.content)]
    args += ["-f", str(tmp_path / "bare.yml")]
    probe = (
        "import sys\nfrom generator.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    plain = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=300
    )
    assert plain.stdout.strip() == "[]", plain.stderr
    lines = plain.stderr.splitlines()
    assert "warning: empty.txt: empty file" in lines
    assert f"warning: {long}: empty file" in lines  # one line, however long
    assert "\x1b[" not in plain.stderr
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-c", probe, *args], stdout=subprocess.PIPE, stderr=follower
    ) as child:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        imported = child.stdout.read().decode() if child.stdout else ""
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "\x1b[33mwarning\x1b[0m: empty.txt: empty file" in shown
    assert "'rich.console'" in imported
