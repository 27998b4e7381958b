"""Hand-written integrators that update the state in place (no per-step allocations)."""


def velocity_verlet_(state, force_fn, dt, force=None):
    if force is None:
        force = force_fn(state.pos)
    state.vel.add_(force, alpha=0.5 * dt / state.mass)
    state.pos.add_(state.vel, alpha=dt)  # L
    force = force_fn(state.pos)
    state.vel.add_(force, alpha=0.5 * dt / state.mass)
    return force


def semi_implicit_euler_(state, force_fn, dt, force=None):
    state.vel.add_(force_fn(state.pos), alpha=dt / state.mass)
    state.pos.add_(state.vel, alpha=dt)
    return None


INTEGRATORS = {"verlet": velocity_verlet_, "euler": semi_implicit_euler_}


def simulate(state, force_fn, dt, n_steps, integrator="verlet"):
    step = INTEGRATORS[integrator]
    force = None
    for _ in range(n_steps):
        force = step(state, force_fn, dt, force)  # L
    return state
