#!/usr/bin/env python3
"""Applies random valid scenarios with `reorg apply` and with the independent oracle, and checks
that both give the same model (units, posts and links in canonical form).

Usage: compare_with_oracle.py REORG MODEL_DIR [--generate POSTS] --seeds N --changes N

With --generate, MODEL_DIR is ignored and a model of POSTS posts is generated with
`reorg generate` into a scratch folder, so that the comparison also runs on an organisation
nobody wrote by hand. Exits 1 on the first scenario where the two disagree, printing the
difference; ends with "N passed, N failed".
"""

import argparse
import difflib
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_apply  # noqa: E402
import random_scenario  # noqa: E402


def canonical_of_folder(folder):
    """The canonical files of a CSV model folder, read by the oracle's own reader."""
    return oracle_apply.canonical(oracle_apply.load_model(folder))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("reorg")
    parser.add_argument("model")
    parser.add_argument("--generate", type=int, default=0)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args()

    passed = failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        model_dir = args.model
        if args.generate:
            model_dir = os.path.join(scratch, "generated")
            subprocess.run([args.reorg, "generate", "--posts", str(args.generate), "--seed", "4",
                            "-o", model_dir], check=True, stdout=subprocess.DEVNULL)
        for seed in range(1, args.seeds + 1):
            scenario = os.path.join(scratch, "scenario-%d.yaml" % seed)
            random_scenario.main(["random_scenario.py", model_dir, str(seed), str(args.changes),
                                  scenario])
            expected = oracle_apply.load_model(model_dir)
            error = oracle_apply.apply_scenario(expected,
                                                oracle_apply.load_scenario(scenario))
            if error is not None:
                print("seed %d: the oracle refuses its own scenario: %s" % (seed, error))
                failed += 1
                continue
            out = os.path.join(scratch, "applied-%d" % seed)
            run = subprocess.run([args.reorg, "apply", model_dir, scenario, "-o", out],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                print("seed %d: reorg apply exited %d:\n%s" % (seed, run.returncode, run.stderr))
                failed += 1
                continue
            actual = canonical_of_folder(out)
            wanted = oracle_apply.canonical(expected)
            differs = [name for name in wanted if wanted[name] != actual[name]]
            if differs:
                failed += 1
                for name in differs:
                    diff = difflib.unified_diff(wanted[name].splitlines(),
                                                actual[name].splitlines(),
                                                "oracle/" + name, "reorg/" + name, lineterm="")
                    print("seed %d, %s:\n%s" % (seed, name, "\n".join(list(diff)[:40])))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
