"""The GitHub workflows: valid against GitHub's schema, clean under zizmor, and publishing safely."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine import PROJECT_DIR

WORKFLOWS = sorted((PROJECT_DIR / ".github" / "workflows").glob("*.y*ml"))
PAGES_WORKFLOW = PROJECT_DIR / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent
PINNED_ACTION = re.compile(r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")


def load(workflow: Path) -> dict:
    # BaseLoader keeps `on:` as the string "on" (YAML 1.1 would read it as True).
    return yaml.load(workflow.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_there_is_a_pages_workflow():
    assert PAGES_WORKFLOW in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_githubs_schema(workflow):
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_zizmor_finds_nothing_even_when_pedantic(workflow):
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--persona=pedantic", "--no-progress", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_release_named(workflow):
    uses = [PINNED_ACTION.match(line) for line in workflow.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses, "no actions found"
    for use in uses:
        assert use, "a `uses:` line this test cannot read"
        assert re.fullmatch(r"[0-9a-f]{40}", use["ref"]), f"{use['action']} is not pinned to a full commit"
        assert use["comment"] and re.fullmatch(r"v\d+(\.\d+)*", use["comment"]), f"{use['action']}: name the release"


def test_runs_on_every_push_and_pull_request():
    triggers = load(PAGES_WORKFLOW)["on"]
    assert set(triggers) == {"push", "pull_request"}
    assert not triggers["push"] and not triggers["pull_request"], "no branch filters"


def test_least_privilege_permissions():
    workflow = load(PAGES_WORKFLOW)
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_tests_run_through_the_ci_script_then_a_strict_build():
    steps = load(PAGES_WORKFLOW)["jobs"]["test"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands == ["bash .ci/run", "make build"]
    build_rule = (PROJECT_DIR / "Makefile").read_text().split("\nbuild:")[1].split("\n\n")[0]
    assert "mkdocs build --strict" in build_rule
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"fetch-depth": "0", "persist-credentials": "false"}


def test_deploys_only_from_main_with_the_official_pages_actions():
    workflow = load(PAGES_WORKFLOW)
    on_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    upload = next(step for step in workflow["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["if"] == on_main and upload["with"] == {"path": "site"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == on_main and deploy["needs"] == "test"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_concurrency_groups_are_named():
    workflow = load(PAGES_WORKFLOW)
    assert workflow["concurrency"]["group"] == "test-${{ github.ref }}"
    assert workflow["jobs"]["deploy"]["concurrency"] == {"group": "github-pages", "cancel-in-progress": "false"}
