"""The README keeps up with the code: every command, option and config key is in it."""

from __future__ import annotations

import click
import frontmatter
from conftest import ROOT

from generator.cli import main
from generator.config import KINDS
from generator.read import META_ALIASES, META_KEYS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_and_option_is_documented():
    ctx = click.Context(main)
    for name, command in main.commands.items():
        assert f"digest {name}" in README, name
        for param in command.get_params(ctx):
            for opt in param.opts if isinstance(param, click.Option) else ():
                if opt == "--help":
                    continue
                assert opt in README, f"digest {name} {opt}"


def test_every_config_key_is_documented():
    for key in KINDS:
        assert f"`{key}`" in README, key


def test_every_seed_front_matter_key_and_alias_is_documented():
    for key in (*META_KEYS, *(a for aliases in META_ALIASES.values() for a in aliases)):
        assert f"`{key}`" in README, key


def test_the_two_commands_are_documented():
    assert "make site" in README and "make test" in README


def test_every_story_front_matter_key_is_documented():
    story = next((ROOT / "tests" / "goldens" / "samples" / "stories").glob("*.md"))
    meta = frontmatter.loads(story.read_text(encoding="utf-8")).metadata
    for key in [*meta, *meta["digest"]]:
        assert f"`{key}`" in README, key
