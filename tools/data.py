"""Check the guide's data files and print them as JSON.

    python -m tools.data                  data/ in en, hi and bn
    python -m tools.data DATA_DIR hi bn   another folder, some languages

Exit 1 with every problem listed (file:line: field: message and the fix) when the data is bad.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1] / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))  # the hooks' helpers live in hooks/lib

from lib.data import DataError, load_data, to_json  # noqa: E402


def main(argv: Sequence[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        data = load_data(data_dir, list(argv[1:]) or ["en", "hi", "bn"])
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps(to_json(data), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
