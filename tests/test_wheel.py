"""The built wheel ships the schemas and works in a fresh environment, away from the checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
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


@attrs.frozen
class Fresh:
    """A wheel built from the checkout and a fresh venv with only it (and its dependencies)."""

    wheel: Path
    venv: Path
    python: Path


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Fresh:
    tmp_path = tmp_path_factory.mktemp("wheel")
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
    return Fresh(wheel, venv, python)


@pytest.mark.slow
def test_wheel_ships_schemas_and_loads_records_from_a_fresh_venv(
    fresh: Fresh, tmp_path: Path
) -> None:
    names = set(zipfile.ZipFile(fresh.wheel).namelist())
    assert "provenance/schemas/v1/document.json" in names
    assert "provenance/schemas/v1/vocabulary.json" in names
    assert "provenance/formats/default_verdicts.json" in names
    assert "provenance/formats/default_claimants.json" in names
    assert "provenance/py.typed" in names
    assert "provenance/strategies.py" in names
    assert not any(name.startswith("tests/") for name in names)
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    declared = zipfile.ZipFile(fresh.wheel).read(entry_points).decode()
    assert "[hypothesis]\n_ = provenance._hypothesis:_hypothesis_setup_hook" in declared
    python, venv = fresh.python, fresh.venv

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


# Run in the fresh environment: Hypothesis alone, no import of provenance.strategies; every
# model class drawn by st.from_type must validate against its schema.
FROM_TYPE_PROBE = """
import json, sys
from hypothesis import given, settings, strategies as st
import provenance
from provenance import codec, validation

plain = codec.make_converter(accelerated=False)
names = ["Document", "Claim", "Source", "Hop", "Hedge", "Review", "Span", "Excerpt",
         "Perspective", "Rating", "Evidence", "Drafting"]
drawn = {}
for name in names:
    kind = getattr(provenance.model, name)
    seen = []

    @settings(max_examples=20, database=None, deadline=None)
    @given(st.from_type(kind))
    def probe(value):
        assert isinstance(value, kind)
        problems = validation.schema_problems(plain.unstructure(value), name.lower())
        assert problems == (), problems
        if kind is provenance.Document:
            assert codec.loads(codec.dumps(value)) == value
        seen.append(1)

    probe()
    drawn[name] = len(seen)
print(json.dumps({"drawn": drawn, "hooked": "provenance.strategies" in sys.modules}))
"""


@pytest.mark.slow
def test_from_type_draws_valid_records_with_only_the_wheel_and_hypothesis(
    fresh: Fresh, tmp_path: Path
) -> None:
    installed = _run(
        [str(fresh.python), "-m", "pip", "install", "--quiet", f"{fresh.wheel}[strategies]"],
        cwd=tmp_path,
        timeout=300,
    )
    if installed.returncode != 0:
        pytest.skip(f"pip could not install Hypothesis (no network?):\n{installed.stderr[-800:]}")
    probe = _run([str(fresh.python), "-c", FROM_TYPE_PROBE], cwd=tmp_path, timeout=300)
    assert probe.returncode == 0, probe.stderr[-3000:]
    found = json.loads(probe.stdout)
    assert found["hooked"] is True  # the entry point loaded the strategies, not the probe
    assert all(count > 0 for count in found["drawn"].values()), found
