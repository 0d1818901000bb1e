"""ASVS V14 (dependencies): no package of requirements.lock, the exact versions every install takes, has a known
vulnerability in the Python Packaging Advisory Database (through PyPI's JSON API) or OSV.

The machines that run the suite may reach the package registries and nothing else, and a registry mirror can answer
the project pages but not the per-release pages that carry the advisories. pip-audit then reports every package as
"not found" and still says "No known vulnerabilities found": so the test first asks the service for one locked
release with a short timeout, uses the first service that answers with advisories, and treats an audit in which a
package could not be looked up as no audit. When no service answers, the test is skipped with the reason."""

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

import pytest

from tests_support import ci_requires

LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"
PROBE_TIMEOUT = 5
PROBE_PACKAGE = "flask"


def _locked_version(name: str) -> str:
    for line in LOCK.read_text().splitlines():
        package, _, version = line.partition("==")
        if package.strip().lower() == name:
            return version.strip()
    raise AssertionError(f"{name} is not in {LOCK.name}")


def _probe_pypi(version: str) -> bool:
    url = f"https://pypi.org/pypi/{PROBE_PACKAGE}/{version}/json"
    try:
        with urlopen(url, timeout=PROBE_TIMEOUT) as response:
            return "vulnerabilities" in json.load(response)
    except (URLError, OSError, ValueError):
        return False


def _probe_osv(version: str) -> bool:
    query = {"package": {"name": PROBE_PACKAGE, "ecosystem": "PyPI"}, "version": version}
    request = Request(
        "https://api.osv.dev/v1/query",
        data=json.dumps(query).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urlopen(request, timeout=PROBE_TIMEOUT) as response:
            return isinstance(json.load(response), dict)
    except (URLError, OSError, ValueError):
        return False


@pytest.fixture(scope="module")
def advisory_service() -> str:
    """pip-audit's name of the first advisory service that answers for a locked release; skips when none does."""
    version = _locked_version(PROBE_PACKAGE)
    if _probe_pypi(version):
        return "pypi"
    if _probe_osv(version):
        return "osv"
    pytest.skip(
        f"advisory service unreachable: neither https://pypi.org/pypi/{PROBE_PACKAGE}/{version}/json nor "
        f"https://api.osv.dev/v1/query answered with advisories within {PROBE_TIMEOUT} s; "
        f"the dependency audit of {LOCK.name} was not run"
    )


def _pip_audit() -> list[str]:
    if shutil.which("pip-audit", path=str(Path(sys.executable).parent)) is None:
        ci_requires("pip-audit (pip install -e '.[dev]')")
        pytest.skip("pip-audit is not installed (pip install -e '.[dev]')")
    return [sys.executable, "-m", "pip_audit"]


def test_no_locked_dependency_has_a_known_vulnerability(advisory_service):
    command = _pip_audit() + [
        *("--requirement", str(LOCK), "--no-deps", "--disable-pip"),
        *("--vulnerability-service", advisory_service, "--format", "json", "--progress-spinner", "off"),
        *("--timeout", "15"),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        if any(word in run.stderr for word in ("ConnectionError", "Timeout", "timed out", "Max retries")):
            pytest.skip(f"advisory service unreachable during the audit ({advisory_service}): {run.stderr[-500:]}")
        pytest.fail(f"pip-audit failed (exit {run.returncode}):\n{run.stderr[-2000:]}")
    dependencies = report["dependencies"]
    locked = [line for line in LOCK.read_text().splitlines() if "==" in line and not line.startswith("#")]
    assert len(dependencies) == len(locked), "pip-audit did not read every line of the lock file"
    skipped = [d["skip_reason"] for d in dependencies if "skip_reason" in d]
    if len(skipped) == len(dependencies):
        pytest.skip(f"advisory service unreachable: {advisory_service} could look up none of the packages")
    assert not skipped, "packages the advisory service could not look up (no audit of them):\n" + "\n".join(skipped)
    vulnerable = [
        f"{d['name']} {d['version']}: {v['id']} {'/'.join(v.get('aliases', []))} "
        f"(fixed in {', '.join(v.get('fix_versions', [])) or 'no release yet'})"
        for d in dependencies
        for v in d.get("vulns", [])
    ]
    assert not vulnerable, f"known vulnerabilities in {LOCK.name} ({advisory_service}):\n" + "\n".join(vulnerable)
