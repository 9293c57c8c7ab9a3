"""The GitHub workflows: valid against GitHub's schema, clean under zizmor, and publishing safely."""

from __future__ import annotations

import copy
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


# --- Pull requests stay harmless ------------------------------------------------------------------
#
# Anyone can open a pull request, and the workflow builds each one: with the pull request's own
# Makefile, scripts and engine, so whatever runs in a pull request's job must be able to do no
# harm. These read every workflow as GitHub would run it for a pull request and fail on any job
# that could then write to the repository, see a secret, or upload a site or an artifact.

ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
# Actions that publish or hand on what a job made; only a push to main may run them.
PUBLISHING_ACTIONS = ("actions/upload-pages-artifact", "actions/upload-artifact", "actions/deploy-pages")
READ_ONLY = {"read", "none"}


def only_on_main(condition) -> bool:
    """True if an `if:` lets the job or step run only for a push to main (a pull request never matches)."""
    text = " ".join(str(condition or "").replace("${{", "").replace("}}", "").split())
    return text == ON_MAIN or text.startswith(ON_MAIN + " && ")


def pull_request_problems(workflow: dict) -> list[str]:
    """What a pull request could do through this workflow that it must not: each as a sentence."""
    problems = []
    triggers = workflow.get("on", {})
    triggers = [triggers] if isinstance(triggers, str) else list(triggers)
    if "pull_request_target" in triggers:
        problems.append("pull_request_target runs a pull request's job with the repository's secrets and a write token")
    if "pull_request" not in triggers:
        return problems
    if "secrets." in yaml.safe_dump(workflow.get("env", {})):
        problems.append("the workflow's env passes a secret to every job, pull requests' too")
    for name, job in workflow.get("jobs", {}).items():
        if only_on_main(job.get("if")):
            continue
        permissions = job.get("permissions", workflow.get("permissions"))
        if permissions is None:
            problems.append(f"job '{name}' runs for pull requests with the repository's default token, which may write; give it permissions")
        elif isinstance(permissions, str):
            if permissions != "read-all":
                problems.append(f"job '{name}' runs for pull requests with permissions: {permissions}")
        else:
            for scope, access in permissions.items():
                if access not in READ_ONLY:
                    problems.append(f"job '{name}' runs for pull requests with {scope}: {access}")
        text = yaml.safe_dump(job)
        if "secrets." in text or job.get("secrets") == "inherit":
            problems.append(f"job '{name}' runs for pull requests and is given a secret")
        if "environment" in job:
            problems.append(f"job '{name}' runs for pull requests in an environment, whose secrets and rules are for deployments")
        for step in job.get("steps", []):
            action = str(step.get("uses", "")).split("@")[0]
            if action in PUBLISHING_ACTIONS and not only_on_main(step.get("if")):
                problems.append(f"job '{name}' runs for pull requests and its step '{step.get('name', action)}' uses {action} outside main")
            if action == "actions/checkout" and step.get("with", {}).get("persist-credentials") != "false":
                problems.append(f"job '{name}' runs for pull requests and keeps the checkout's token on disk (persist-credentials)")
    return problems


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_a_pull_request_can_write_nothing_see_no_secret_and_upload_nothing(workflow):
    assert pull_request_problems(load(workflow)) == []


def _step(workflow, action):
    return next(step for step in workflow["jobs"]["test"]["steps"] if step.get("uses", "").startswith(action))


CHANGES = {
    "the test job may write to the repository": (
        lambda w: w["jobs"]["test"]["permissions"].update({"contents": "write"}),
        "job 'test' runs for pull requests with contents: write",
    ),
    "the test job may write pull requests": (
        lambda w: w["jobs"]["test"]["permissions"].update({"pull-requests": "write"}),
        "job 'test' runs for pull requests with pull-requests: write",
    ),
    "the test job takes the default token": (
        lambda w: (w["jobs"]["test"].pop("permissions"), w.pop("permissions")),
        "job 'test' runs for pull requests with the repository's default token",
    ),
    "every job may write": (
        lambda w: (w.update({"permissions": "write-all"}), w["jobs"]["test"].pop("permissions")),
        "job 'test' runs for pull requests with permissions: write-all",
    ),
    "the deploy job runs for pull requests too": (
        lambda w: w["jobs"]["deploy"].pop("if"),
        "job 'deploy' runs for pull requests with pages: write",
    ),
    "a secret in a step": (
        lambda w: w["jobs"]["test"]["steps"][-1].setdefault("env", {}).update({"TOKEN": "${{ secrets.DEPLOY_KEY }}"}),
        "job 'test' runs for pull requests and is given a secret",
    ),
    "a secret for every job": (
        lambda w: w.update({"env": {"TOKEN": "${{ secrets.GITHUB_TOKEN }}"}}),
        "the workflow's env passes a secret to every job",
    ),
    "the site uploaded from every branch": (
        lambda w: _step(w, "actions/upload-pages-artifact").update({"if": "github.event_name == 'push'"}),
        "job 'test' runs for pull requests and its step 'Upload the site for GitHub Pages' uses actions/upload-pages-artifact outside main",
    ),
    "the site uploaded always": (
        lambda w: _step(w, "actions/upload-pages-artifact").pop("if"),
        "uses actions/upload-pages-artifact outside main",
    ),
    "an artifact uploaded for pull requests": (
        lambda w: w["jobs"]["test"]["steps"].append({"name": "Keep the site", "uses": "actions/upload-artifact@0000000000000000000000000000000000000000", "with": {"path": "site"}}),
        "job 'test' runs for pull requests and its step 'Keep the site' uses actions/upload-artifact outside main",
    ),
    "the checkout keeps its token": (
        lambda w: _step(w, "actions/checkout")["with"].pop("persist-credentials"),
        "keeps the checkout's token on disk",
    ),
    "pull_request_target": (
        lambda w: w["on"].update({"pull_request_target": ""}),
        "pull_request_target runs a pull request's job with the repository's secrets and a write token",
    ),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_the_pull_request_rules_fail_on_a_change_that_would_arm_a_pull_request(change):
    edit, problem = CHANGES[change]
    workflow = copy.deepcopy(load(PAGES_WORKFLOW))
    edit(workflow)
    assert any(problem in found for found in pull_request_problems(workflow)), pull_request_problems(workflow)
