"""Runs the Python package's command line on many argument lists in one process, for comparing
its reports with the Node CLI's.

    python python_cli.py < RUNS

RUNS is a JSON list of argument lists (what follows `python -m burn_dragon_schema`); each
run's exit status and its stdout and stderr are printed as one JSON line, in order.
"""

import contextlib
import io
import json
import sys

from burn_dragon_schema.__main__ import main


def run(args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(args)
        except SystemExit as exit:
            status = exit.code
    return {"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}


for args in json.load(sys.stdin):
    print(json.dumps(run(args)))
