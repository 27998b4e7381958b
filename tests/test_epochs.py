"""engine/epochs.py: the persistent epoch sets behave as frozensets do, through
branches, joins and differences across many rebased bases."""
import itertools
import random

from inplace_lint.engine.epochs import Epochs, union_all


def _check(e, model):
    assert e.full() == model
    assert frozenset(e) == model
    assert len(e) == len(model)
    assert bool(e) == bool(model)
    for x in list(model)[:20]:
        assert x in e
    assert -1 not in e


def test_random_paths_agree_with_frozensets():
    rng = random.Random(13)
    fresh = itertools.count(1)
    paths = [(Epochs(), frozenset())]
    for _ in range(4000):
        op = rng.random()
        i = rng.randrange(len(paths))
        e, m = paths[i]
        if op < 0.5:  # a branch: a new epoch on a copy
            x = next(fresh)
            paths.append((e.plus(x), m | {x}))
        elif op < 0.8:  # a join of two paths
            f, n = paths[rng.randrange(len(paths))]
            paths.append((e | f, m | n))
        else:  # what one path saw and another did not
            f, n = paths[rng.randrange(len(paths))]
            assert e - f == m - n
            assert f - e == n - m
        if len(paths) > 60:
            paths.pop(rng.randrange(len(paths)))
    for e, m in paths:
        _check(e, m)
    assert union_all(e for e, _ in paths).full() == frozenset().union(*(m for _, m in paths))


def test_long_path_rebases_and_old_copies_stay_as_they_were():
    e, snaps = Epochs(), []
    for x in range(1, 500):
        e = e.plus(x)
        if x % 37 == 0:
            snaps.append((e, frozenset(range(1, x + 1))))
    assert e.base.depth > 3  # (the delta became a base several times)
    for s, m in snaps:
        _check(s, m)
        assert e - s == frozenset(range(1, 500)) - m
        assert s - e == frozenset()
        assert (s | e).full() == frozenset(range(1, 500))


def test_sets_of_unrelated_paths():
    a = Epochs().plus(1).plus(2)
    b = Epochs().plus(3)
    assert (a | b).full() == {1, 2, 3}
    assert a - b == {1, 2} and b - a == {3}
    assert a.plus(2) is a
