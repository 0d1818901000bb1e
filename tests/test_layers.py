"""The layers of DESIGN.md hold: ml ← intake ← triage, and ml imports no web, database or queue library."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_nothing_heavy_happens_at_import():
    code = ("import sys, wsgi; import triage.app, triage.jobs, intake.public, ml;"
            "assert 'sklearn' not in sys.modules and 'underthesea' not in sys.modules, 'model libraries loaded at import'")
    # wsgi builds the app (that is its one job); building the app must not load the model or connect to Redis.
    env = {"REDIS_URL": "redis://127.0.0.1:1/0", "INSTANCE_PATH": "/tmp/layers-instance", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
