"""Overhead of inplace_lint.watch on a small CNN training step.

Times one training step (forward, loss, zero_grad, backward, SGD step) of a
small Conv/BatchNorm/ReLU(inplace=True) network, batch 8, 32x32 inputs:

* plain
* under ``watch(mode="full")``
* under ``watch(mode="lite")``
* under ``torch.autograd.set_detect_anomaly(True)``

and prints the median step time of each (wall clock and process CPU time)
and its ratio to plain.  The configurations are interleaved step by step so
that load from other processes and drift in machine speed hit all of them
alike; on a shared machine the process-CPU column is the steadier one.

    python bench/bench_watch.py [--steps 30] [--warmup 5] [--rounds 5]
                                [--threads N] [--device cpu|cuda]
"""
import argparse
import contextlib
import os
import statistics
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from inplace_lint.runtime.watch import watch  # noqa: E402


def block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


def make_model():
    return nn.Sequential(
        block(3, 16),
        block(16, 16),
        nn.MaxPool2d(2),
        block(16, 32),
        block(32, 32),
        nn.MaxPool2d(2),
        block(32, 64),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(64, 10),
    )


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=30, help="timed steps per round")
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--batch", type=int, default=8)
    p.add_argument(
        "--threads", type=int, default=1,
        help="torch.set_num_threads (default 1: steadier timings; 0 leaves torch's default)",
    )
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)

    dev = torch.device(args.device)
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
    torch.manual_seed(0)
    model = make_model().to(dev)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(args.batch, 3, 32, 32, device=dev)
    y = torch.randint(0, 10, (args.batch,), device=dev)

    def step():
        loss = nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    configs = {
        "plain": contextlib.nullcontext,
        "full": lambda: watch(mode="full"),
        "lite": lambda: watch(mode="lite"),
        "anomaly": lambda: torch.autograd.set_detect_anomaly(True),
    }
    times = {k: [] for k in configs}
    cpu = {k: [] for k in configs}
    for k, cm in configs.items():  # warm up every path
        with cm():
            for _ in range(args.warmup):
                step()
    # Interleave the configurations step by step, so that load from other
    # processes and drift in clock speed hit all of them alike.  Entering and
    # leaving the context is outside the timed region.
    for _ in range(args.rounds * args.steps):
        for k, cm in configs.items():
            with cm():
                sync()
                c0 = time.process_time()
                t0 = time.perf_counter()
                step()
                sync()
                times[k].append(time.perf_counter() - t0)
                cpu[k].append(time.process_time() - c0)

    base = statistics.median(times["plain"])
    cbase = statistics.median(cpu["plain"])
    print(
        "device=%s torch=%s threads=%d batch=%d steps=%d"
        % (dev, torch.__version__, torch.get_num_threads(), args.batch, args.rounds * args.steps)
    )
    print("%-8s %12s %7s %14s %7s" % ("config", "wall median", "ratio", "process-CPU", "ratio"))
    for k in configs:
        m = statistics.median(times[k])
        c = statistics.median(cpu[k])
        print("%-8s %9.3f ms %6.2fx %11.3f ms %6.2fx" % (k, m * 1e3, m / base, c * 1e3, c / cbase))


if __name__ == "__main__":
    main()
