"""`--jobs N` reads articles in worker processes and prints exactly what one process prints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("parallel") / "corpus"
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    for story in ("ferry-sinking", "city-budget"):
        shutil.copytree(ROOT / "tests" / "stories" / story, folder / story, ignore=shutil.ignore_patterns("*.yaml"))
    (folder / "broken.md").write_bytes(b"---\npublished: [unclosed\n---\nText.\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    return folder


@pytest.mark.parametrize(
    "command",
    [("check", "--format", "json"), ("check", "--format", "sarif"), ("show", "--format", "json"), ("claims", "--format", "jsonl"), ("export", "--format", "csv")],
)
def test_two_workers_print_the_same_bytes_as_one(cli, corpus, command):
    serial = cli(command[0], corpus, *command[1:], "--no-cache")
    parallel = cli(command[0], corpus, *command[1:], "--no-cache", "--jobs", "2")
    assert parallel.stdout == serial.stdout and parallel.stderr == serial.stderr and parallel.exit_code == serial.exit_code == 2
    assert serial.stderr.count("timeline: error:") == 2, "both bad inputs are reported, by whichever process read them"


def test_auto_is_one_worker_per_core_and_a_bad_value_is_a_usage_error(cli, corpus):
    assert cli("check", corpus, "--jobs", "auto", "--no-cache", "--format", "json").stdout == cli("check", corpus, "--no-cache", "--format", "json").stdout
    for bad in ("0", "many", "-2"):
        result = cli("check", corpus, "--jobs", bad)
        assert result.exit_code == 2 and "--jobs" in result.stderr, result.stderr


@pytest.mark.parametrize("signal_name, code", [("SIGINT", 130), ("SIGTERM", 143)])
def test_an_interrupted_parallel_run_is_one_line_and_leaves_no_worker(corpus, tmp_path, signal_name, code):
    """Ctrl-C reaches the whole process group (workers too), SIGTERM only the main process: both end in one line."""
    import os
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big"
    for copy in range(80):  # enough articles that the run is still reading when the signal comes
        shutil.copytree(corpus, big / f"copy-{copy}", ignore=shutil.ignore_patterns("broken.md", "binary.txt"))
    command = [sys.executable, "-m", "timeline", "check", str(big), "--jobs", "2", "--no-cache"]
    run = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
    time.sleep(2.5)
    assert run.poll() is None, "the run ended before it could be interrupted"
    if signal_name == "SIGINT":
        os.killpg(run.pid, signal.SIGINT)
    else:
        run.send_signal(signal.SIGTERM)
    out, err = run.communicate(timeout=120)
    assert run.returncode == code and err.startswith("timeline: interrupted") and len(err.splitlines()) == 1, err
    time.sleep(0.5)
    leftover = subprocess.run(["pgrep", "-g", str(run.pid)], capture_output=True, text=True).stdout.split()
    assert leftover == [], "no worker outlives the run"
