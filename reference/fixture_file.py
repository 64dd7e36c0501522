"""Writing a fixture the way every reference script does."""

import json


def write(path, doc, repo):
    """`doc` as strict JSON (NaN refused) plus a newline at `path`, folders made as needed.

    Returns the path to print: relative to `repo` when it lies inside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        json.dump(doc, fh, allow_nan=False)
        fh.write("\n")
    return path.relative_to(repo) if path.resolve().is_relative_to(repo) else path
