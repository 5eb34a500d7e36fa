"""Which installed packages differ from requirements/lock.txt, each with its old and new version.

    python -m tools.lock_diff                   compare this environment's `pip freeze`
    python -m tools.lock_diff freeze.txt        compare a saved `pip freeze` output

When the tests pass with the lock but fail with the newest versions pyproject.toml allows, the
culprit is among the packages this names ("babel 2.19.0 → 2.20.0"). Standard library only, so it
runs in any environment, however broken.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "requirements" / "lock.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#\\]+)")


def canonical(name: str) -> str:
    """The name pip compares by: case and runs of `-`, `_`, `.` do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    """`name==version` lines of a lock file or `pip freeze` output; the rest is ignored."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if match:
            found[canonical(match[1])] = match[2]
    return found


def differences(locked: dict[str, str], installed: dict[str, str]) -> list[str]:
    """One line per package whose version is not the locked one, sorted by name."""
    lines = []
    for name in sorted(locked.keys() | installed.keys()):
        old, new = locked.get(name), installed.get(name)
        if old == new:
            continue
        if old is None:
            lines.append(f"{name} {new} (not in the lock)")
        elif new is None:
            lines.append(f"{name} {old} (locked, not installed)")
        else:
            lines.append(f"{name} {old} → {new}")
    return lines


def pip_freeze() -> str:
    command = [sys.executable, "-m", "pip", "freeze", "--all", "--exclude-editable"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("freeze", nargs="?", type=Path, help="saved `pip freeze` output")
    parser.add_argument("--lock", type=Path, default=LOCK, help="default: requirements/lock.txt")
    args = parser.parse_args(argv)
    installed = args.freeze.read_text(encoding="utf-8") if args.freeze else pip_freeze()
    changed = differences(pins(args.lock.read_text(encoding="utf-8")), pins(installed))
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if not changed:
        print(f"Every installed package has the version in {args.lock.name}.")
    for line in changed:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
