"""The built wheel ships the schemas and works in a fresh environment, away from the checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import provenance as pv

ROOT = Path(__file__).resolve().parent.parent

# Run inside the fresh environment: load a record, then say where the package and
# its schemas were found.
PROBE = """
import json, sys
from importlib import resources
import provenance
from provenance import validation
document = provenance.load(sys.argv[1])
print(json.dumps({
    "id": document.id,
    "schema_id": validation.schema("document")["$id"],
    "package": provenance.__file__,
    "schemas": str(resources.files("provenance") / "schemas"),
    "schemas_is_dir": (resources.files("provenance") / "schemas").is_dir(),
}))
"""


def _run(command: list[str], cwd: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


@pytest.mark.slow
def test_wheel_ships_schemas_and_loads_records_from_a_fresh_venv(tmp_path: Path) -> None:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the 'build' module is not installed (pip install build)")
    dist = tmp_path / "dist"
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")  # the backend is here: no download needed
    built = _run([*command, str(ROOT)], cwd=tmp_path, timeout=120)
    if built.returncode != 0:
        pytest.skip(
            f"could not build the wheel (no network for the build backend?):\n{built.stderr[-800:]}"
        )
    (wheel,) = dist.glob("claim_provenance-*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    assert "provenance/schemas/v1/document.json" in names
    assert "provenance/schemas/v1/vocabulary.json" in names
    assert "provenance/py.typed" in names
    assert "provenance/strategies.py" in names
    assert not any(name.startswith("tests/") for name in names)

    venv = tmp_path / "venv"
    created = _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path, timeout=120)
    assert created.returncode == 0, created.stderr
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    installed = _run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path, timeout=180
    )
    if installed.returncode != 0:
        pytest.skip(
            f"pip could not install the wheel's dependencies (no network?):\n"
            f"{installed.stderr[-800:]}"
        )

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    record = outside / "record.json"
    record.write_text(
        pv.dumps(
            pv.Document(
                id="probe",
                publisher="oan",
                sources=[pv.Source("oan", pv.SourceKind.PUBLICATION, name="One America News")],
            )
        ),
        encoding="utf-8",
    )
    probe = _run([str(python), "-c", PROBE, str(record)], cwd=outside, timeout=60)
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["id"] == "probe"
    assert found["schema_id"] == pv.SCHEMA_ID
    assert found["schemas_is_dir"] is True
    # Both the package and its schemas come from the fresh environment, not the checkout.
    for key in ("package", "schemas"):
        location = Path(found[key]).resolve()
        assert location.is_relative_to(venv.resolve()), (key, location)
        assert not location.is_relative_to(ROOT), (key, location)
