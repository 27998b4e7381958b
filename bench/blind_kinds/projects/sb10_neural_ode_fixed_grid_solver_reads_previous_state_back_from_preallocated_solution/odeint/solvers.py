"""Fixed-grid solvers. The solution is preallocated (time, *state) and filled row by row, each step
starting from the row written before it."""


def euler_step(func, t, dt, y):
    return y + dt * func(t, y)


def midpoint_step(func, t, dt, y):
    k1 = func(t, y)
    return y + dt * func(t + dt / 2, y + dt / 2 * k1)


def rk4_step(func, t, dt, y):
    k1 = func(t, y)
    k2 = func(t + dt / 2, y + dt / 2 * k1)
    k3 = func(t + dt / 2, y + dt / 2 * k2)
    k4 = func(t + dt, y + dt * k3)
    return y + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


SOLVERS = {"euler": euler_step, "midpoint": midpoint_step, "rk4": rk4_step}


def odeint(func, y0, t, method="rk4"):
    step = SOLVERS[method]
    ys = y0.new_empty((len(t),) + tuple(y0.shape))
    ys[0] = y0
    for i in range(1, len(t)):
        dt = t[i] - t[i - 1]
        ys[i] = step(func, t[i - 1], dt, ys[i - 1])  # L
    return ys
