"""Findings on PyTorch libraries the linter was never tuned on (issue 12).

    nice -n 10 python bench/unseen_libraries.py [FOLDER] [--download] [--set first|fresh|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twentyfirst|twentysecond|twentythird|twentyfourth|twentyfifth|twentysixth] [--only NAME,...]

FOLDER (default /work/unseen) holds one unpacked wheel per library, in a
sub-folder named like the distribution (``kornia/``, ``pyro_ppl/``, ...).
``--download`` first fetches the pinned wheels below with
``pip download --no-deps NAME==VER`` into FOLDER/dl and unzips each one into
FOLDER/<name> (skipped for a library whose folder already exists).

Each library is checked in its own process, exactly as a user would run it:
``python -m inplace_lint check --isolated --no-cache --format json --exit-zero -j 1``
(the checkout this script lives in comes first on the path).  Printed per
library: files checked, lines of Python, errors, warnings, warnings per 100k
lines; then the totals.  ``--json FILE`` also writes the findings of every
library to FILE (for classifying them by hand; see
bench/results/unseen_libraries.md).  The issue's aim: at most 4 warnings per
100k lines and zero false errors.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The versions classified in bench/results/unseen_libraries.md.  "first": the
# libraries of session 2 (their false alarms were studied and their mechanisms
# fixed, so they are no longer unseen); "fresh": picked in session 3 and not
# looked at before that run (default folder /work/unseen2); "third": picked in
# session 4, measured before any of its code was read (/work/unseen3); "fourth":
# picked in session 5, measured before any of its code was read (/work/unseen4);
# "fifth": picked later in session 5, measured before any of its code was read
# (/work/unseen5); "sixth": picked in session 6, measured before any of its code
# was read (/work/unseen6); "seventh": picked in session 7, measured before any of its
# code was read (/work/unseen7); "eighth": picked in session 7, measured before any of
# its code was read (/work/unseen8); "ninth": picked in session 8, measured before any of
# its code was read (/work/unseen9); "tenth": picked in session 8, measured before any of
# its code was read (/work/unseen10); "eleventh": picked in session 9, measured before any of
# its code was read (/work/unseen11); "twelfth": picked in session 9, measured before any of
# its code was read (/work/unseen12); "thirteenth": picked in session 10, measured before
# any of its code was read (/work/unseen13); "fourteenth": picked in session 11, measured
# before any of its code was read (/work/unseen14); "fifteenth": picked in session 11,
# measured before any of its code was read (/work/unseen15); "sixteenth": picked in session 12,
# measured before any of its code was read (/work/unseen16); "seventeenth": picked in session 13,
# measured before any of its code was read (/work/unseen17); "eighteenth": picked in session 13,
# measured before any of its code was read (/work/unseen18); "nineteenth": picked in session 14,
# measured before any of its code was read (/work/unseen19); "twentieth": picked in session 15,
# measured before any of its code was read (/work/unseen20); "twentyfirst": picked in session 16,
# measured before any of its code was read (/work/unseen21); "twentysecond": picked in session 16,
# measured before any of its code was read (/work/unseen22); "twentythird": picked in session 17,
# measured before any of its code was read (/work/unseen23); "twentyfourth": picked in session 17,
# measured before any of its code was read (/work/unseen24); "twentyfifth": picked in session 18,
# measured before any of its code was read (/work/unseen25); "twentysixth": picked in session 18,
# measured before any of its code was read (/work/unseen26).
SETS = {"first": {
    "kornia": "0.9.0",
    "monai": "1.6.1",
    "pyro_ppl": "1.9.2",
    "pytorch_ignite": "0.5.5",
    "stable_baselines3": "2.9.2",
    "torch_geometric": "2.8.1",
    "torchmetrics": "1.9.0",
}, "fresh": {
    "captum": "0.9.0",
    "diffusers": "0.42.1",
    "gpytorch": "1.15.2",
    "opacus": "1.6.0",
    "segmentation_models_pytorch": "0.6.0",
    "speechbrain": "1.1.2",
}, "third": {
    "botorch": "0.18.1",
    "e3nn": "0.6.0",
    "fastai": "2.8.12",
    "pytorch_metric_learning": "2.9.0",
    "tianshou": "2.0.1",
    "x_transformers": "2.31.10",
}, "fourth": {
    "open_clip_torch": "3.3.0",
    "peft": "0.21.2",
    "pytorch_forecasting": "1.8.0",
    "torch_optimizer": "0.3.0",
    "torchtune": "0.6.1",
    "vector_quantize_pytorch": "1.32.0",
}, "fifth": {
    "accelerate": "1.16.0",
    "denoising_diffusion_pytorch": "2.3.4",
    "piq": "0.8.0",
    "pytorch_lightning": "2.6.6",
    "schedulefree": "1.4.1",
    "torchdiffeq": "0.2.5",
}, "sixth": {
    "lightly": "1.6.0",
    "mmengine": "0.10.7",
    "pytorch_tabnet": "4.1.0",
    "sbi": "0.27.0",
    "sentence_transformers": "6.3.0",
    "torchsde": "0.2.6",
}, "seventh": {
    "neuralforecast": "3.3.0",
    "pytorch_optimizer": "4.1.0",
    "skorch": "1.4.0",
    "torchgeo": "0.8.1",
    "vit_pytorch": "1.26.11",
    "zuko": "1.6.0",
}, "eighth": {
    "asteroid": "0.7.0",
    "avalanche_lib": "0.6.0",
    "composer": "0.32.1",
    "flair": "0.15.1",
    "pykeen": "1.11.1",
    "pytorch_widedeep": "1.7.0",
}, "ninth": {
    "allennlp": "2.10.1",
    "d3rlpy": "2.8.1",
    "mace_torch": "0.3.16",
    "pytorch_tabular": "1.2.0",
    "schnetpack": "2.1.1",
    "ultralytics": "8.4.190",
}, "tenth": {
    "chemprop": "2.3.1",
    "darts": "0.48.1",
    "gluonts": "0.17.0",
    "imagen_pytorch": "2.1.0",
    "lightning_bolts": "0.7.0",
    "sb3_contrib": "2.9.2",
}, "eleventh": {
    "alphafold3_pytorch": "0.8.3",
    "mmdet": "3.3.0",
    "nequip": "0.19.1",
    "pyannote_audio": "4.0.7",
    "pykan": "0.2.8",
    "rl_games": "1.6.5",
}, "twelfth": {
    "nerfstudio": "1.1.5",
    "neuraloperator": "2.0.0",
    "pytorch_toolbelt": "0.8.0",
    "skrl": "2.1.1",
    "super_gradients": "3.7.1",
    "trl": "1.16.0",
}, "thirteenth": {
    "demucs": "4.1.0",
    "ema_pytorch": "0.8.3",
    "escnn": "1.0.11",
    "torchdyn": "1.0.6",
    "torchio": "1.2.1",
    "tsai": "1.0.1",
}, "fourteenth": {
    "byol_pytorch": "0.9.1",
    "facenet_pytorch": "2.6.0",
    "geoopt": "0.5.1",
    "lightweight_gan": "1.2.1",
    "stylegan2_pytorch": "1.9.0",
    "torchattacks": "3.5.1",
}, "fifteenth": {
    "effdet": "0.4.1",
    "mmpose": "1.3.2",
    "perceiver_pytorch": "0.11.0",
    "recbole": "1.2.1",
    "stanza": "1.15.0",
    "vocos": "0.1.0",
}, "sixteenth": {
    "dalle2_pytorch": "1.15.6",
    "lion_pytorch": "0.2.5",
    "mmocr": "1.0.1",
    "muse_maskgit_pytorch": "0.3.5",
    "nnunetv2": "2.8.1",
    "rotary_embedding_torch": "0.9.1",
}, "seventeenth": {
    "audiolm_pytorch": "2.4.0",
    "deepxde": "1.15.0",
    "espnet": "202511",
    "k_diffusion": "0.1.1.post1",
    "naturalspeech2_pytorch": "0.1.8",
}, "eighteenth": {
    "dalle_pytorch": "1.6.6",
    "openunmix": "1.3.0",
    "pfrl": "0.1.0",
    "salesforce_lavis": "1.0.2",
    "x_clip": "0.14.4",
    "yolov5": "7.0.14",
}, "nineteenth": {
    "audio_diffusion_pytorch": "0.1.3",
    "e2_tts_pytorch": "2.2.2",
    "nemo_toolkit": "3.0.0",
    "pytorch_wavelets": "1.3.0",
    "TTS": "0.22.0",
    "voicebox_pytorch": "0.5.0",
}, "twentieth": {
    "catalyst": "22.4",
    "fairchem_core": "2.24.0",
    "meshgpt_pytorch": "1.8.1",
    "mmaction2": "1.2.0",
    "rectified_flow_pytorch": "0.14.0",
    "torchcfm": "1.0.7",
}, "twentyfirst": {
    "gigagan_pytorch": "0.3.0",
    "mmdet3d": "1.4.0",
    "pyhealth": "1.1.6",
    "pypots": "1.5",
    "pythae": "0.1.2",
    "torch_pruning": "1.6.1",
}, "twentysecond": {
    "agilerl": "2.58.0",
    "braindecode": "1.8.1",
    "brevitas": "0.13.4",
    "snntorch": "1.0.0",
    "torch_uncertainty": "0.13.0",
    "torchdistill": "1.1.5",
}, "twentythird": {
    "libauc": "2.0.1",
    "mmrazor": "1.0.0",
    "mmselfsup": "1.0.0",
    "mushroom_rl": "1.4.0",
    "spikingjelly": "2.0.0",
    "torch_spatiotemporal": "0.9.5",
}, "twentyfourth": {
    "DI_engine": "0.5.3",
    "imitation": "1.0.1",
    "litgpt": "0.5.13",
    "mmyolo": "0.6.0",
    "sample_factory": "2.1.1",
    "uni2ts": "2.0.0",
}, "twentyfifth": {
    "elegantrl": "0.3.3",
    "parlai": "1.7.2",
    "pytorch_adapt": "0.0.83",
    "pytorch_ood": "0.4.0",
    "solo_learn": "1.0.2",
    "texar_pytorch": "0.1.4",
}, "twentysixth": {
    "funasr": "1.4.16",
    "lightning_flash": "0.8.2",
    "mmrotate": "0.3.4",
    "pytorch_pfn_extras": "0.9.0",
    "simpletransformers": "0.70.8",
    "torch_rechub": "0.9.0",
}}
PINNED = {name: version for libraries in SETS.values() for name, version in libraries.items()}
DEFAULT_FOLDER = {"first": "/work/unseen", "fresh": "/work/unseen2", "third": "/work/unseen3",
                  "fourth": "/work/unseen4", "fifth": "/work/unseen5", "sixth": "/work/unseen6",
                  "seventh": "/work/unseen7", "eighth": "/work/unseen8",
                  "ninth": "/work/unseen9", "tenth": "/work/unseen10",
                  "eleventh": "/work/unseen11", "twelfth": "/work/unseen12",
                  "thirteenth": "/work/unseen13", "fourteenth": "/work/unseen14",
                  "fifteenth": "/work/unseen15", "sixteenth": "/work/unseen16",
                  "seventeenth": "/work/unseen17", "eighteenth": "/work/unseen18",
                  "nineteenth": "/work/unseen19", "twentieth": "/work/unseen20",
                  "twentyfirst": "/work/unseen21",
                  "twentysecond": "/work/unseen22",
                  "twentythird": "/work/unseen23",
                  "twentyfourth": "/work/unseen24",
                  "twentyfifth": "/work/unseen25",
                  "twentysixth": "/work/unseen26"}


def download(folder, names):
    """Fetch and unzip the pinned wheel of each library not yet unpacked."""
    dl = os.path.join(folder, "dl")
    os.makedirs(dl, exist_ok=True)
    for name in names:
        target = os.path.join(folder, name)
        if os.path.isdir(target):
            continue
        version = PINNED[name]
        wheels = glob.glob(os.path.join(dl, f"{name}-{version}-*.whl"))
        if not wheels:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                 "-d", dl, f"{name.replace('_', '-')}=={version}"],
                check=True)
            wheels = glob.glob(os.path.join(dl, f"{name}-{version}-*.whl"))
        if not wheels:
            sys.exit(f"no wheel for {name}=={version} in {dl}")
        with zipfile.ZipFile(wheels[0]) as z:
            z.extractall(target)


def python_lines(folder):
    """Files and lines of the ``.py`` files under *folder*."""
    files = lines = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for f in filenames:
            if f.endswith(".py"):
                files += 1
                with open(os.path.join(dirpath, f), "rb") as fh:
                    lines += sum(1 for _ in fh)
    return files, lines


def check(folder):
    """Run the linter on *folder*; return (findings, files it checked or None)."""
    proc = subprocess.run(
        [sys.executable, "-m", "inplace_lint", "check", "--isolated", "--no-cache",
         "--format", "json", "--exit-zero", "-j", "1", folder],
        cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"inplace-lint failed on {folder} (exit {proc.returncode}):\n{proc.stderr}")
    findings = json.loads(proc.stdout or "[]")
    m = re.search(r"in \d+ of (\d+) files?", proc.stderr)
    return findings, int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=None, help="default: /work/unseen (first), /work/unseen2 (fresh), /work/unseen3 (third), /work/unseen4 (fourth), /work/unseen5 (fifth), /work/unseen6 (sixth), /work/unseen7 (seventh), /work/unseen8 (eighth), /work/unseen9 (ninth), /work/unseen10 (tenth), /work/unseen11 (eleventh), /work/unseen12 (twelfth), /work/unseen13 (thirteenth), /work/unseen14 (fourteenth), /work/unseen15 (fifteenth), /work/unseen16 (sixteenth), /work/unseen17 (seventeenth), /work/unseen18 (eighteenth), /work/unseen19 (nineteenth), /work/unseen20 (twentieth), /work/unseen21 (twentyfirst), /work/unseen22 (twentysecond), /work/unseen23 (twentythird), /work/unseen24 (twentyfourth), /work/unseen25 (twentyfifth), /work/unseen26 (twentysixth)")
    ap.add_argument("--set", choices=sorted(SETS), default="first")
    ap.add_argument("--download", action="store_true",
                    help="pip-download and unzip the pinned wheels first")
    ap.add_argument("--only", help="comma-separated library names (default: all pinned)")
    ap.add_argument("--json", metavar="FILE", help="also write every finding to FILE")
    args = ap.parse_args()

    if args.folder is None:
        args.folder = DEFAULT_FOLDER[args.set]
    names = args.only.split(",") if args.only else list(SETS[args.set])
    unknown = [n for n in names if n not in PINNED]
    if unknown:
        ap.error(f"not a pinned library: {', '.join(unknown)} (pinned: {', '.join(PINNED)})")
    if args.download:
        download(args.folder, names)

    rows, everything = [], {}
    for name in names:
        path = os.path.join(args.folder, name)
        if not os.path.isdir(path):
            sys.exit(f"{path} is missing (use --download)")
        findings, checked = check(path)
        files, lines = python_lines(path)
        errors = sum(1 for f in findings if f["severity"] == "error")
        warnings = sum(1 for f in findings if f["severity"] == "warning")
        rows.append((f"{name} {PINNED[name]}", checked if checked is not None else files,
                     lines, errors, warnings))
        everything[name] = findings
        if args.json:  # after each library, so a long run can be read while it goes on
            with open(args.json, "w") as fh:
                json.dump(everything, fh, indent=1)
        print(f"  {name}: {errors} errors, {warnings} warnings", file=sys.stderr, flush=True)

    total = ("total", sum(r[1] for r in rows), sum(r[2] for r in rows),
             sum(r[3] for r in rows), sum(r[4] for r in rows))
    print(f"{'library':28} {'files':>6} {'lines':>9} {'errors':>7} {'warnings':>9} {'w/100k':>7}")
    for r in rows + [total]:
        per = 100_000 * r[4] / r[2] if r[2] else 0.0
        print(f"{r[0]:28} {r[1]:6d} {r[2]:9d} {r[3]:7d} {r[4]:9d} {per:7.2f}")


if __name__ == "__main__":
    main()
